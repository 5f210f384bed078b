package io.borrowerportal.payment;

import io.borrowerportal.payment.ach.AccountType;
import io.borrowerportal.payment.ach.AchDebit;
import io.borrowerportal.payment.ach.NachaResult;
import io.borrowerportal.payment.ach.NachaWriter;
import io.borrowerportal.paymentprofile.BankAccountCipher;
import io.borrowerportal.paymentprofile.BankAccountKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a NACHA file, from the payments in it. The export writes a new file from the pending debits;
 * a delivery whose part file is lost rewrites an existing file from the payments marked with it, byte for
 * byte the same (same entries in the same order, trace numbers, header time and modifier), which its stored
 * SHA-256 proves before the file may go out.
 */
@Component
class AchFileContent {

    private static final Logger log = LoggerFactory.getLogger(AchFileContent.class);

    private static final String COLUMNS = """
            select p.id, p.confirmation_number, p.amount + p.convenience_fee as total, p.customer_id,
                   f.bank_routing_number, f.bank_account_secret, f.bank_account_type, f.holder_name,
                   p.standing_reference is not null as recurring, p.trace_number
            from payments p join payment_profiles f on f.id = p.profile_id
            """;
    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(rs.getLong(1), rs.getString(2),
            rs.getBigDecimal(3), rs.getLong(4), rs.getString(5), rs.getString(6),
            BankAccountKind.valueOf(rs.getString(7)), rs.getString(8), rs.getBoolean(9), rs.getString(10));

    private final JdbcTemplate jdbc;
    private final BankAccountCipher cipher;
    private final AchProperties properties;
    private final Clock clock;

    AchFileContent(JdbcTemplate jdbc, BankAccountCipher cipher, AchProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** A payment as it goes into a file; {@code trace} is null until it has been sent. */
    record Entry(long id, String confirmation, BigDecimal total, long customerId, String routing, String secret,
                 BankAccountKind type, String holder, boolean recurring, String trace) {
    }

    /** A file's entries with their debits (the account number decrypted), in the file's order. */
    record Debits(List<Entry> entries, List<AchDebit> debits) {
    }

    /** A written file: its bytes and what the writer counted. */
    record Written(byte[] bytes, NachaResult result) {
    }

    /** Pending bank debits due by {@code today} that are in no file yet, from active profiles, in id order. */
    List<Entry> due(LocalDate today) {
        return jdbc.query(COLUMNS + """
                where p.channel = 'BANK' and p.status = 'PENDING' and p.ach_file_id is null
                  and p.process_date <= ? and f.status = 'ACTIVE'
                order by p.id""", ENTRY, Date.valueOf(today));
    }

    /** The payments a file was written with, in the file's order. */
    List<Entry> inFile(long fileId) {
        return jdbc.query(COLUMNS + "where p.ach_file_id = ? order by p.id", ENTRY, fileId);
    }

    /**
     * Decrypts in parallel (most of the CPU work of a large file), keeping the order. An entry that cannot be
     * decrypted is left out and named in the log, unless {@code all} is asked for: then it fails the whole.
     */
    Debits debits(List<Entry> entries, boolean all) {
        List<AchDebit> decrypted = entries.parallelStream().map(this::debit).toList();
        List<Entry> kept = new ArrayList<>(entries.size());
        List<AchDebit> debits = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (decrypted.get(i) != null) {
                kept.add(entries.get(i));
                debits.add(decrypted.get(i));
            } else if (all) {
                throw new IllegalStateException("Payment " + entries.get(i).confirmation() + " can no longer be written");
            }
        }
        return new Debits(kept, debits);
    }

    /**
     * Writes the file. The header carries the creation time in the lender's time zone, to the minute, from the
     * stored creation instant, so a rewrite prints the same header.
     */
    Written write(List<AchDebit> debits, LocalDate effective, java.time.Instant createdAt, char modifier,
                  long firstTraceSequence) {
        StringBuilder content = new StringBuilder(debits.size() * 95 + 1000);
        NachaResult result = NachaWriter.write(properties.origin(), effective,
                LocalDateTime.ofInstant(createdAt, clock.getZone()), modifier, debits, firstTraceSequence, content);
        return new Written(content.toString().getBytes(StandardCharsets.US_ASCII), result);
    }

    /** Rewrites a written file from its payments; the caller compares the hash before using it. */
    Written rewrite(AchFile file) {
        List<Entry> entries = inFile(file.id());
        if (entries.isEmpty()) {
            throw new IllegalStateException("ACH file " + file.fileName() + " has no payments to rewrite it from");
        }
        String odfi = properties.origin().odfiIdentification();
        String first = entries.getFirst().trace();
        if (first == null || !first.startsWith(odfi)) {
            throw new IllegalStateException("ACH file " + file.fileName() + " was written for another bank ("
                    + "its trace numbers do not start with " + odfi + ")");
        }
        Debits debits = debits(entries, true);
        Written written = write(debits.debits(), file.effectiveDate(), file.createdAt(), file.fileIdModifier(),
                Long.parseLong(first.substring(odfi.length())));
        if (!written.result().traceNumbers().equals(entries.stream().map(Entry::trace).toList())) {
            throw new IllegalStateException("ACH file " + file.fileName() + ": its payments' trace numbers are not consecutive");
        }
        return written;
    }

    /**
     * Trace numbers continue from the last one sent: returns are matched by trace number, which is unique
     * across all payments, so a file must never reuse one of an earlier file (of the same day or any other).
     */
    long nextTraceSequence() {
        String odfi = properties.origin().odfiIdentification();
        String last = jdbc.queryForObject("select max(trace_number) from payments where trace_number like ?",
                String.class, odfi + "%");
        return last == null ? 1 : Long.parseLong(last.substring(odfi.length())) + 1;
    }

    /** The entry for one payment, or null (and a log line naming it) when it cannot be written. */
    private AchDebit debit(Entry e) {
        try {
            return new AchDebit(e.routing(), cipher.decrypt(e.secret(), String.valueOf(e.customerId())),
                    e.type() == BankAccountKind.SAVINGS ? AccountType.SAVINGS : AccountType.CHECKING, e.total(),
                    e.confirmation(), shortName(e.holder()), e.recurring());
        } catch (RuntimeException ex) {
            // One unreadable entry must not hold back the whole day's file; it stays unsent and is named here.
            // The message never holds the account number: the cipher and the debit's checks do not echo it.
            log.error("Bank payment {} cannot be written to an ACH file: {}", e.confirmation(), ex.getMessage());
            return null;
        }
    }

    /** The bank's name field holds 22 characters; a longer holder name is cut, never refused. */
    private static String shortName(String holder) {
        String name = holder.strip();
        return name.length() <= AchDebit.INDIVIDUAL_NAME_MAX ? name : name.substring(0, AchDebit.INDIVIDUAL_NAME_MAX).strip();
    }
}
