package io.borrowerportal.account;

import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SystemTask;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes to ledgers, for {@link LoanServicing} and {@link LedgerPosting}. Callers hold the account's row
 * lock (see {@link LoanAccountRepository#lockByLoanNumber}), so a split is never computed from a ledger
 * that another posting is changing.
 */
@Component
class Ledger {

    private static final String INSERT = """
            INSERT INTO ledger_entries (account_id, entry_type, effective_date, amount, principal, interest, fees,
                description, posted_at, posted_by, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final PostedEntryRepository entries;
    private final AccountLedgerRepository ledgers;
    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    Ledger(PostedEntryRepository entries, AccountLedgerRepository ledgers, JdbcTemplate jdbc, CurrentUser currentUser,
           Clock clock) {
        this.entries = entries;
        this.ledgers = ledgers;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    List<LedgerEntry> entries(LoanAccount account) {
        return ledgers.ledgerOf(account.id());
    }

    /** Several accounts' ledgers in one query, by account id. */
    Map<Long, List<LedgerEntry>> entries(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return ledgers.ledgersOf(accountIds).stream().collect(Collectors.groupingBy(
                AccountEntry::accountId, Collectors.mapping(AccountEntry::entry, Collectors.toList())));
    }

    LedgerEntry postPayment(LoanAccount account, LocalDate applyDate, BigDecimal amount, PaymentKind kind,
                            String description) {
        return postPayment(account, entries(account), applyDate, amount, kind, description, null);
    }

    /** The same, on a ledger the caller already read under the account lock, with the payment's reference. */
    LedgerEntry postPayment(LoanAccount account, List<LedgerEntry> ledger, LocalDate applyDate, BigDecimal amount,
                            PaymentKind kind, String description, String reference) {
        Allocation split = LoanEngine.allocate(account.terms(), ledger, applyDate, amount, kind);
        EntryType type = kind == PaymentKind.PRINCIPAL_ONLY ? EntryType.PRINCIPAL_PAYMENT : EntryType.PAYMENT;
        return save(new PostedEntry(account.id(), type, applyDate, split.principal(), split.interest(), split.fees(),
                null, description, clock.instant(), actor()).withReference(reference));
    }

    /**
     * An entry with the split its sender decided (the servicing system's own postings), after the caller checked
     * it; the amount is the sum of the parts.
     */
    LedgerEntry postAsSent(LoanAccount account, EntryType type, LocalDate date, BigDecimal principal,
                           BigDecimal interest, BigDecimal fees, String description, String reference, String by) {
        return save(new PostedEntry(account.id(), type, date, principal, interest, fees, null, description,
                clock.instant(), by).withReference(reference));
    }

    /**
     * Several such entries (no reversal among them), in order, as one batch of statements: the servicing system
     * sends a loan's history at once, and an entity saved with its generated id is one round trip per entry
     * (decision 033). Written as {@link PostedEntry} maps them; the ids come back in the order sent.
     */
    List<LedgerEntry> postAllAsSent(LoanAccount account, List<SentEntry> sent, String by) {
        if (sent.isEmpty()) {
            return List.of();
        }
        // As Hibernate writes an Instant (hibernate.jdbc.time_zone=UTC).
        LocalDateTime postedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        SentEntry entry = sent.get(i);
                        if (entry.type() == EntryType.REVERSAL) {
                            throw new IllegalArgumentException("A reversal is posted by reverse()");
                        }
                        statement.setLong(1, account.id());
                        statement.setString(2, entry.type().name());
                        statement.setObject(3, entry.effectiveDate());
                        statement.setBigDecimal(4, entry.principal().add(entry.interest()).add(entry.fees()));
                        statement.setBigDecimal(5, entry.principal());
                        statement.setBigDecimal(6, entry.interest());
                        statement.setBigDecimal(7, entry.fees());
                        statement.setString(8, entry.description());
                        statement.setObject(9, postedAt);
                        statement.setString(10, by);
                        statement.setString(11, null);
                    }

                    @Override
                    public int getBatchSize() {
                        return sent.size();
                    }
                }, keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != sent.size()) {
            throw new IllegalStateException("The database returned " + ids.size() + " ids for " + sent.size() + " entries");
        }
        List<LedgerEntry> posted = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            SentEntry entry = sent.get(i);
            long id = ((Number) ids.get(i).values().iterator().next()).longValue();
            posted.add(new LedgerEntry(id, entry.type(), entry.effectiveDate(),
                    entry.principal().add(entry.interest()).add(entry.fees()), entry.principal(), entry.interest(),
                    entry.fees(), null, entry.description()));
        }
        return posted;
    }

    /** The portal's entry on this account that carries the reference (a payment's confirmation number). */
    Optional<LedgerEntry> withReference(LoanAccount account, String reference) {
        return entries.findFirstByAccountIdAndReference(account.id(), reference).map(PostedEntry::toLedgerEntry);
    }

    /** The id of the entry that reverses this one, if any. */
    Optional<Long> reversalOf(long entryId) {
        return entries.findFirstByReversesId(entryId).map(PostedEntry::id);
    }

    LedgerEntry postFee(LoanAccount account, LocalDate date, BigDecimal amount, String description) {
        BigDecimal fee = Money.requireCents(amount);
        if (fee.signum() <= 0) {
            throw new IllegalArgumentException("A fee must be positive");
        }
        return post(account, EntryType.FEE, date, Money.ZERO, Money.ZERO, fee, null, description);
    }

    LedgerEntry postConvenienceFee(LoanAccount account, LocalDate date, BigDecimal amount, String description) {
        BigDecimal fee = Money.requireCents(amount);
        if (fee.signum() <= 0) {
            throw new IllegalArgumentException("A convenience fee must be positive");
        }
        return save(new PostedEntry(account.id(), EntryType.CONVENIENCE_FEE, date, fee, Money.ZERO, Money.ZERO,
                Money.ZERO, null, description, clock.instant(), actor()));
    }

    /** Undoes an entry with its exact opposite, dated like the original; the original stays. */
    LedgerEntry reverse(LoanAccount account, long entryId, String reason) {
        return reverse(account, entryId, reason, actor());
    }

    /** The same, posted by a named sender (the servicing system). */
    LedgerEntry reverse(LoanAccount account, long entryId, String reason, String by) {
        LedgerEntry original = entries(account).stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No entry " + entryId + " on loan " + account.loanNumber()));
        if (original.type() == EntryType.REVERSAL) {
            throw new IllegalArgumentException("A reversal cannot itself be reversed; post an adjustment");
        }
        if (entries.existsByReversesId(original.id())) {
            throw new IllegalArgumentException("Entry " + entryId + " is already reversed");
        }
        return reverse(account, original, reason, by);
    }

    /**
     * The reversal of an entry the caller read under the account's lock and checked (not a reversal, not reversed);
     * the ledger's unique key on the reversed id still refuses a second reversal.
     */
    LedgerEntry reverse(LoanAccount account, LedgerEntry original, String reason, String by) {
        return save(new PostedEntry(account.id(), EntryType.REVERSAL, original.effectiveDate(),
                original.amount().negate(), original.principal().negate(), original.interest().negate(),
                original.fees().negate(), original.id(), "Reversal of " + original.description() + ": " + reason,
                clock.instant(), by));
    }

    LedgerEntry post(LoanAccount account, EntryType type, LocalDate date, BigDecimal principal, BigDecimal interest,
                     BigDecimal fees, Long reversesId, String description) {
        return save(new PostedEntry(account.id(), type, date, principal, interest, fees, reversesId, description,
                clock.instant(), actor()));
    }

    private LedgerEntry save(PostedEntry entry) {
        return entries.save(entry).toLedgerEntry();
    }

    private String actor() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }
}
