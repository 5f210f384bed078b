package io.borrowerportal.servicing;

import io.borrowerportal.account.LockedLedger;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.SentEntry;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.ledger.EntryCheck;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Ledger entries appended by the servicer's entry id, never edited (decision 030). A batch is for one loan and goes
 * in whole or not at all: the loan's row is locked, every entry is checked by the loan engine's rules against the
 * ledger as the batch leaves it, and only when none is refused is anything written. A repeated id with the same
 * content answers with its first result; with other content it is a conflict. A payment whose reference is the
 * confirmation number of a payment the portal posted is matched to it, never posted twice.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class ServicingLedger {

    /** The most entries one batch may hold: a loan's whole history, with room to spare. */
    public static final int MAX_BATCH = 10_000;
    static final int MAX_DESCRIPTION = 200;
    /** The shape of the portal's payment confirmation numbers ({@code References.next("PAY")}). */
    static final Pattern PORTAL_CONFIRMATION = Pattern.compile("PAY-[2-9A-HJ-NP-Z]{8}", Pattern.CASE_INSENSITIVE);
    /** What was received, in one batch of statements rather than an entity's round trip each (decision 033). */
    private static final String INSERT_RECEIVED = """
            INSERT INTO servicer_entries (account_id, servicer_entry_id, ledger_entry_id, outcome, fingerprint,
                received_at) VALUES (?, ?, ?, ?, ?, ?)""";

    /** One digest per thread, reused: a batch fingerprints thousands of entries (digest() leaves it reset). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private final LoanServicing servicing;
    private final ReceivedEntryRepository received;
    private final JdbcTemplate jdbc;
    private final ServicerActor actor;
    private final Clock clock;

    ServicingLedger(LoanServicing servicing, ReceivedEntryRepository received, JdbcTemplate jdbc, ServicerActor actor,
                    Clock clock) {
        this.servicing = servicing;
        this.received = received;
        this.jdbc = jdbc;
        this.actor = actor;
        this.clock = clock;
    }

    public EntryResult append(String loanNumber, ServicerEntry entry) {
        return append(loanNumber, List.of(entry)).entries().getFirst();
    }

    public BatchResult append(String loanNumber, List<ServicerEntry> entries) {
        String number = LoanNumber.parse(loanNumber).map(LoanNumber::value).orElse(null);
        if (number == null) {
            throw ServicingRefusedException.of("loanNumber", "Must be 4-20 letters, digits or dashes.");
        }
        if (entries == null || entries.isEmpty() || entries.size() > MAX_BATCH) {
            throw ServicingRefusedException.of("entries", "A batch holds 1 to " + MAX_BATCH + " entries.");
        }
        LockedLedger ledger = servicing.lockLedger(number)
                .orElseThrow(() -> ServicingRefusedException.of("loanNumber", "No loan with this number in the portal."));
        Plan plan = new Plan(ledger, received.findByAccountId(ledger.accountId()).stream()
                .collect(Collectors.toMap(ReceivedEntry::servicerEntryId, Function.identity())),
                LocalDate.now(clock));
        for (int i = 0; i < entries.size(); i++) {
            plan.check(i, entries.get(i));
        }
        if (!plan.conflicts.isEmpty()) {
            throw new ServicerEntryConflictException(plan.conflicts);
        }
        if (!plan.problems.isEmpty()) {
            throw new ServicingRefusedException(plan.problems);
        }
        return write(number, ledger, plan);
    }

    private BatchResult write(String loanNumber, LockedLedger ledger, Plan plan) {
        String by = actor.name();
        List<EntryResult> results = new ArrayList<>(plan.rows.size());
        Map<String, Long> ledgerIds = new HashMap<>();
        List<ReceivedEntry> toKeep = new ArrayList<>();
        // Runs of postings go to the ledger together; a reversal of an entry of this batch waits for its id.
        List<Row> run = new ArrayList<>();
        LockedLedger current = ledger;
        for (Row row : plan.rows) {
            if (row.outcome == EntryOutcome.POSTED && !row.repeat) {
                if (row.reversesBatchId != null) {
                    current = flush(current, run, ledgerIds, by);
                }
                run.add(row);
            } else {
                current = flush(current, run, ledgerIds, by);
            }
        }
        flush(current, run, ledgerIds, by);
        int posted = 0;
        int matched = 0;
        for (Row row : plan.rows) {
            long ledgerId = row.ledgerEntryId != null ? row.ledgerEntryId : ledgerIds.get(row.servicerId);
            results.add(new EntryResult(row.servicerId, ledgerId, row.outcome, row.repeat));
            if (!row.repeat) {
                toKeep.add(new ReceivedEntry(ledger.accountId(), row.servicerId, ledgerId, row.outcome,
                        row.fingerprint, clock.instant()));
                if (row.outcome == EntryOutcome.POSTED) {
                    posted++;
                } else {
                    matched++;
                }
            }
        }
        if (!toKeep.isEmpty()) {
            jdbc.batchUpdate(INSERT_RECEIVED, toKeep.stream().map(ReceivedEntry::row).toList());
        }
        if (!toKeep.isEmpty()) {
            actor.record(null, null, loanNumber, AuditAction.SERVICER_ENTRIES_POSTED, "Servicing system sent "
                    + plan.rows.size() + " entries for loan " + loanNumber + ": " + posted + " posted, " + matched
                    + " matched to the portal's own, " + (plan.rows.size() - posted - matched) + " repeated ("
                    + plan.rows.getFirst().servicerId + (plan.rows.size() > 1 ? " to " + plan.rows.getLast().servicerId : "")
                    + ")");
        }
        return new BatchResult(loanNumber, List.copyOf(results));
    }

    /** Posts the run on the locked ledger; answers the ledger as the run leaves it. */
    private LockedLedger flush(LockedLedger ledger, List<Row> run, Map<String, Long> ledgerIds, String by) {
        if (run.isEmpty()) {
            return ledger;
        }
        List<SentEntry> sent = run.stream().map(row -> row.sent(ledgerIds)).toList();
        List<LedgerEntry> posted = servicing.postAsSent(ledger, sent, by);
        for (int i = 0; i < run.size(); i++) {
            ledgerIds.put(run.get(i).servicerId, posted.get(i).id());
        }
        run.clear();
        return ledger.plus(posted);
    }

    /** One entry of the batch as checked: what it will do, and (for a repeat or a match) its ledger entry. */
    private static final class Row {
        final String servicerId;
        final String fingerprint;
        final ServicerEntry entry;
        EntryOutcome outcome;
        boolean repeat;
        Long ledgerEntryId;
        /** For a reversal: the original's ledger id, or the servicer id of an original posted by this batch. */
        Long reversesLedgerId;
        String reversesBatchId;

        Row(String servicerId, String fingerprint, ServicerEntry entry) {
            this.servicerId = servicerId;
            this.fingerprint = fingerprint;
            this.entry = entry;
        }

        SentEntry sent(Map<String, Long> ledgerIds) {
            String description = entry.description() == null || entry.description().isBlank()
                    ? "Servicer " + entry.kind().name().toLowerCase(Locale.ROOT) + " " + servicerId
                    : entry.description().strip();
            if (entry.kind() == ServicerEntryKind.REVERSAL) {
                Long original = reversesLedgerId != null ? reversesLedgerId : ledgerIds.get(reversesBatchId);
                return new SentEntry(EntryType.REVERSAL, null, null, null, null, original,
                        "servicer reversal " + servicerId);
            }
            return new SentEntry(type(entry.kind()), entry.effectiveDate(), entry.principal().setScale(2),
                    entry.interest().setScale(2), entry.fees().setScale(2), null, description);
        }
    }

    private final class Plan {
        final LockedLedger ledger;
        final Map<String, ReceivedEntry> known;
        final LocalDate today;
        final List<Row> rows = new ArrayList<>();
        final Map<String, Row> inBatch = new HashMap<>();
        final List<ServicingProblem> problems = new ArrayList<>();
        final List<ServicingProblem> conflicts = new ArrayList<>();
        final Map<Long, LedgerEntry> byId;
        /** Ledger ids reversed (on the ledger or by this batch), and servicer ids of this batch's reversed entries. */
        final Set<Long> reversedIds = new HashSet<>();
        final Set<String> reversedInBatch = new HashSet<>();
        /** Ledger ids a servicer entry answers to (known, or matched by this batch). */
        final Set<Long> answered = new HashSet<>();
        /** The principal balance as the ledger, and then each planned posting of the batch, leaves it. */
        BigDecimal principalBalance;

        Plan(LockedLedger ledger, Map<String, ReceivedEntry> known, LocalDate today) {
            this.ledger = ledger;
            this.known = known;
            this.today = today;
            this.byId = ledger.entries().stream().collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
            ledger.entries().stream().filter(e -> e.reversesId() != null).forEach(e -> reversedIds.add(e.reversesId()));
            known.values().forEach(k -> answered.add(k.ledgerEntryId()));
            principalBalance = ledger.entries().stream().map(e -> principalEffect(e, byId))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        void check(int index, ServicerEntry entry) {
            String at = "entries[" + index + "]";
            if (entry == null) {
                problems.add(new ServicingProblem(at, "Row " + index + " is empty."));
                return;
            }
            String id = entry.servicerId() == null ? "" : entry.servicerId().strip();
            String row = "Row " + index + " (servicer id " + (id.isEmpty() ? "missing" : id) + "): ";
            int before = problems.size();
            ServicingCustomers.idProblem(at + ".servicerId", entry.servicerId())
                    .ifPresent(p -> problems.add(new ServicingProblem(p.field(), row + p.message())));
            if (entry.kind() == null) {
                problems.add(new ServicingProblem(at + ".kind", row + "Must be one of PAYMENT, FEE, ADJUSTMENT, REVERSAL."));
            }
            if (entry.description() != null && entry.description().strip().length() > MAX_DESCRIPTION) {
                problems.add(new ServicingProblem(at + ".description", row + "Must be at most " + MAX_DESCRIPTION
                        + " characters."));
            }
            if (problems.size() > before) {
                return;
            }
            String fingerprint = fingerprint(entry);
            ReceivedEntry first = known.get(id);
            Row earlier = inBatch.get(id);
            if (first != null || earlier != null) {
                String firstPrint = first != null ? first.fingerprint() : earlier.fingerprint;
                if (!firstPrint.equals(fingerprint)) {
                    conflicts.add(new ServicingProblem(at + ".servicerId", row + "The loan already holds this servicer id "
                            + "with other content; entries are never edited: send a reversal and a new entry."));
                    return;
                }
                Row repeat = new Row(id, fingerprint, entry);
                repeat.repeat = true;
                if (first != null) {
                    repeat.outcome = first.outcome();
                    repeat.ledgerEntryId = first.ledgerEntryId();
                    rows.add(repeat);
                } else {
                    // Null when this batch posts it: the answer is then the same row's, known once it is written.
                    repeat.outcome = earlier.outcome;
                    repeat.ledgerEntryId = earlier.ledgerEntryId;
                    rows.add(repeat);
                }
                return;
            }
            Row planned = entry.kind() == ServicerEntryKind.REVERSAL
                    ? reversal(at, row, id, fingerprint, entry)
                    : posting(at, row, id, fingerprint, entry);
            if (planned != null && planned.outcome == EntryOutcome.POSTED) {
                BigDecimal effect = ServicingLedger.this.effect(planned, this);
                if (principalBalance.add(effect).signum() < 0) {
                    problems.add(new ServicingProblem(at + (planned.entry.kind() == ServicerEntryKind.REVERSAL
                            ? ".reverses" : ".principal"), row + "Would take the principal balance below zero ("
                            + principalBalance.toPlainString() + " then " + principalBalance.add(effect).toPlainString()
                            + ")."));
                    return;
                }
                principalBalance = principalBalance.add(effect);
            }
            if (planned != null) {
                rows.add(planned);
                inBatch.put(id, planned);
            }
        }

        private Row posting(String at, String row, String id, String fingerprint, ServicerEntry entry) {
            int before = problems.size();
            EntryCheck.check(ledger.terms(), type(entry.kind()), entry.effectiveDate(), entry.amount(),
                            entry.principal(), entry.interest(), entry.fees(), today)
                    .forEach(p -> problems.add(new ServicingProblem(at + "." + p.field(), row + p.message())));
            if (problems.size() > before) {
                return null;
            }
            Row planned = new Row(id, fingerprint, entry);
            String reference = confirmationCase(entry.reference());
            if (entry.kind() == ServicerEntryKind.PAYMENT && !reference.isEmpty()) {
                Optional<LedgerEntry> portal = servicing.entryWithReference(ledger.loanNumber(), reference);
                if (portal.isPresent()) {
                    LedgerEntry payment = portal.get();
                    if (payment.amount().compareTo(entry.amount()) != 0) {
                        problems.add(new ServicingProblem(at + ".amount", row + "The portal's payment " + reference
                                + " was for " + payment.amount().toPlainString() + ", not " + entry.amount().toPlainString() + "."));
                        return null;
                    }
                    if (!answered.add(payment.id())) {
                        problems.add(new ServicingProblem(at + ".reference", row + "The portal's payment " + reference
                                + " is already matched to another servicer entry."));
                        return null;
                    }
                    planned.outcome = EntryOutcome.MATCHED;
                    planned.ledgerEntryId = payment.id();
                    return planned;
                }
                if (PORTAL_CONFIRMATION.matcher(reference).matches()) {
                    problems.add(new ServicingProblem(at + ".reference", row + "No payment of the portal with "
                            + "confirmation number " + reference + " is posted on loan " + ledger.loanNumber()
                            + "; it is not posted a second time."));
                    return null;
                }
            }
            planned.outcome = EntryOutcome.POSTED;
            return planned;
        }

        private Row reversal(String at, String row, String id, String fingerprint, ServicerEntry entry) {
            String target = entry.reverses() == null ? "" : entry.reverses().strip();
            if (target.isEmpty()) {
                problems.add(new ServicingProblem(at + ".reverses", row + "A reversal names the servicer id of the "
                        + "entry it undoes."));
                return null;
            }
            if (entry.effectiveDate() != null && entry.effectiveDate().isAfter(today)) {
                problems.add(new ServicingProblem(at + ".effectiveDate", row + "Is in the future; today is " + today
                        + " in the lender's time zone."));
                return null;
            }
            Row planned = new Row(id, fingerprint, entry);
            ReceivedEntry original = known.get(target);
            Row originalInBatch = inBatch.get(target);
            if (original == null && originalInBatch == null) {
                problems.add(new ServicingProblem(at + ".reverses", row + "Loan " + ledger.loanNumber()
                        + " holds no servicer entry " + target + " to reverse."));
                return null;
            }
            ServicerEntryKind originalKind = original != null ? kindOf(byId.get(original.ledgerEntryId()))
                    : originalInBatch.entry.kind();
            if (originalKind == ServicerEntryKind.REVERSAL) {
                problems.add(new ServicingProblem(at + ".reverses", row + "Entry " + target
                        + " is itself a reversal; post a new entry instead."));
                return null;
            }
            if (originalInBatch != null && originalInBatch.ledgerEntryId == null) {
                if (!reversedInBatch.add(target)) {
                    problems.add(new ServicingProblem(at + ".reverses", row + "Entry " + target + " is already reversed."));
                    return null;
                }
                planned.outcome = EntryOutcome.POSTED;
                planned.reversesBatchId = target;
                return planned;
            }
            long originalLedgerId = original != null ? original.ledgerEntryId() : originalInBatch.ledgerEntryId;
            EntryOutcome originalOutcome = original != null ? original.outcome() : originalInBatch.outcome;
            if (originalOutcome == EntryOutcome.MATCHED) {
                // The portal's own payment: it is returned or cancelled in the portal, which posts the reversal;
                // the servicer's reversal is that one's echo.
                Optional<Long> portalReversal = servicing.reversalOf(originalLedgerId);
                if (portalReversal.isEmpty()) {
                    problems.add(new ServicingProblem(at + ".reverses", row + "Entry " + target + " is a payment the "
                            + "portal posted; it is reversed in the portal (returned or cancelled), and the servicer's "
                            + "reversal then matches the portal's."));
                    return null;
                }
                if (!answered.add(portalReversal.get())) {
                    problems.add(new ServicingProblem(at + ".reverses", row + "Entry " + target + " is already reversed."));
                    return null;
                }
                planned.outcome = EntryOutcome.MATCHED;
                planned.ledgerEntryId = portalReversal.get();
                return planned;
            }
            if (!reversedIds.add(originalLedgerId)) {
                problems.add(new ServicingProblem(at + ".reverses", row + "Entry " + target + " is already reversed."));
                return null;
            }
            planned.outcome = EntryOutcome.POSTED;
            planned.reversesLedgerId = originalLedgerId;
            return planned;
        }
    }

    /**
     * How a planned posting moves the principal balance: a payment lowers it, an adjustment moves it by its signed
     * principal, a fee leaves it, a reversal undoes its original's move.
     */
    private BigDecimal effect(Row row, Plan plan) {
        ServicerEntry entry = row.entry;
        if (entry.kind() == ServicerEntryKind.REVERSAL) {
            if (row.reversesLedgerId != null) {
                return principalEffect(plan.byId.get(row.reversesLedgerId), plan.byId).negate();
            }
            return effect(plan.inBatch.get(row.reversesBatchId), plan).negate();
        }
        return switch (entry.kind()) {
            case PAYMENT -> entry.principal().negate();
            case ADJUSTMENT -> entry.principal();
            default -> BigDecimal.ZERO;
        };
    }

    /** The same for an entry on the ledger, following the engine's sign convention ({@link LedgerEntry}). */
    private static BigDecimal principalEffect(LedgerEntry entry, Map<Long, LedgerEntry> byId) {
        return switch (entry.type()) {
            case DISBURSEMENT, ADJUSTMENT -> entry.principal();
            case PAYMENT, PRINCIPAL_PAYMENT -> entry.principal().negate();
            case REVERSAL -> {
                LedgerEntry original = byId.get(entry.reversesId());
                yield original == null ? BigDecimal.ZERO : principalEffect(original, byId).negate();
            }
            default -> BigDecimal.ZERO;
        };
    }

    private static ServicerEntryKind kindOf(LedgerEntry entry) {
        if (entry == null) {
            return ServicerEntryKind.PAYMENT;
        }
        return switch (entry.type()) {
            case REVERSAL -> ServicerEntryKind.REVERSAL;
            case FEE -> ServicerEntryKind.FEE;
            case ADJUSTMENT -> ServicerEntryKind.ADJUSTMENT;
            default -> ServicerEntryKind.PAYMENT;
        };
    }

    private static EntryType type(ServicerEntryKind kind) {
        return switch (kind) {
            case PAYMENT -> EntryType.PAYMENT;
            case FEE -> EntryType.FEE;
            case ADJUSTMENT -> EntryType.ADJUSTMENT;
            case REVERSAL -> EntryType.REVERSAL;
        };
    }

    /** The entry's content in one canonical line, hashed: amounts compared by value, text as sent. */
    static String fingerprint(ServicerEntry e) {
        String canonical = String.join("|", String.valueOf(e.kind()), String.valueOf(e.effectiveDate()),
                money(e.amount()), money(e.principal()), money(e.interest()), money(e.fees()),
                String.valueOf(strip(e.reverses())), String.valueOf(strip(e.reference())),
                String.valueOf(strip(e.description())));
        return HexFormat.of().formatHex(SHA_256.get().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String money(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * The reference as it is matched: stripped, and a portal confirmation number in its own capitals however the
     * servicer cased it, so an echo matches on every database alike (MariaDB compares without case, H2 with it) and
     * is never posted a second time.
     */
    static String confirmationCase(String reference) {
        String stripped = reference == null ? "" : reference.strip();
        return PORTAL_CONFIRMATION.matcher(stripped).matches() ? stripped.toUpperCase(Locale.ROOT) : stripped;
    }
}
