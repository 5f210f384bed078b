package io.borrowerportal.benchmark;

import io.borrowerportal.payment.ach.AccountType;
import io.borrowerportal.payment.ach.AchDebit;
import io.borrowerportal.payment.ach.AchOrigin;
import io.borrowerportal.payment.ach.NachaFile;
import io.borrowerportal.payment.ach.NachaReader;
import io.borrowerportal.payment.ach.NachaResult;
import io.borrowerportal.payment.ach.NachaWriter;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long writing and reading a NACHA file of 100,000 debits takes, printed for a reader to compare:
 * run {@code main} on the test classpath (from the IDE, or after {@code ./mvnw -q test-compile} with
 * {@code java -cp target/test-classes:target/classes:<dependencies> io.borrowerportal.benchmark.NachaBenchmark}).
 * Not a test: timings depend on the machine, so nothing here passes or fails.
 */
public final class NachaBenchmark {

    static final int ENTRIES = 100_000;
    private static final int WARMUP = 5;
    private static final int MEASURED = 10;
    private static final String[] BANKS = {"021000021", "111000025", "121000358", "011000015", "026009593"};

    /** Results are folded in here so the JIT cannot drop a write whose result is unused. */
    private static volatile long sink;

    private NachaBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    public static void run(PrintStream out) {
        AchOrigin origin = new AchOrigin("021000021", "JPMORGAN CHASE", "1234567890", "EXAMPLE LENDING LLC",
                "EXAMPLE LENDING", "1234567890", "LOAN PMT");
        List<AchDebit> debits = debits();
        LocalDate effective = LocalDate.parse("2026-03-17");
        LocalDateTime created = LocalDateTime.parse("2026-03-16T14:05:00");

        StringBuilder file = new StringBuilder();
        for (int i = 0; i < WARMUP; i++) {
            file = new StringBuilder(ENTRIES * 95 + 1000);
            sink += NachaWriter.write(origin, effective, created, 'A', debits, file).entryHash();
        }
        double[] millis = new double[MEASURED];
        NachaResult result = null;
        for (int i = 0; i < MEASURED; i++) {
            file = new StringBuilder(ENTRIES * 95 + 1000);
            long start = System.nanoTime();
            result = NachaWriter.write(origin, effective, created, 'A', debits, file);
            millis[i] = (System.nanoTime() - start) / 1e6;
            sink += result.entryHash();
        }
        Arrays.sort(millis);

        String content = file.toString();
        long start = System.nanoTime();
        NachaFile parsed = NachaReader.read(content);
        double parseMillis = (System.nanoTime() - start) / 1e6;
        sink += parsed.entries().size();

        out.printf(Locale.ROOT, "NACHA write, %,d entries (%d warm-up, %d measured): min %.1f ms, median %.1f ms, max %.1f ms%n",
                ENTRIES, WARMUP, MEASURED, millis[0], (millis[MEASURED / 2 - 1] + millis[MEASURED / 2]) / 2, millis[MEASURED - 1]);
        out.printf(Locale.ROOT, "NACHA file: %,d lines, %,d characters, total debit $%s%n",
                result.lineCount(), content.length(), result.totalDebit().toPlainString());
        out.printf(Locale.ROOT, "NACHA read back once (cold-ish): %.1f ms, %,d entries%n", parseMillis, parsed.entries().size());
    }

    private static List<AchDebit> debits() {
        List<AchDebit> debits = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            debits.add(new AchDebit(BANKS[i % BANKS.length], Long.toString(10_000_000L + i * 7L),
                    i % 3 == 0 ? AccountType.SAVINGS : AccountType.CHECKING,
                    BigDecimal.valueOf(10_000 + (i * 37L) % 500_000, 2), "PMT-" + i, "Borrower Número " + i));
        }
        return debits;
    }
}
