package io.borrowerportal.benchmark;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.servicing.ImportFile;
import io.borrowerportal.servicing.ImportReport;
import io.borrowerportal.servicing.ServicingImport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The first load of a lender's book from CSV ({@code ./mvnw -q -Pbenchmark test-compile exec:exec@import-benchmark}),
 * in a 512 MB JVM of its own: 100,000 loans with 30 ledger entries each (3,000,000 entries), written by the generator
 * below in the documented format (docs/import/README.md) to a temporary folder, then imported by
 * {@link ServicingImport#run}, the code {@code --portal.import=<folder>} runs. A dry run of 2,000 loans comes first
 * (the same work, each loan's transaction rolled back). Prints the time, loans/s, entries/s and the peak heap.
 * {@code -Dportal.bench.import.loans=N}, {@code .entries=N} (per loan) and {@code .dry-run-loans=N} pick other sizes.
 * Numbers, not a test.
 */
public final class ImportBenchmark {

    static final int LOANS = Integer.getInteger("portal.bench.import.loans", 100_000);
    static final int ENTRIES_PER_LOAN = Integer.getInteger("portal.bench.import.entries", 30);
    static final int DRY_RUN_LOANS = Integer.getInteger("portal.bench.import.dry-run-loans", Math.min(LOANS, 2_000));
    static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    static final double GOAL_SECONDS = 600;
    /** Every tenth loan has a co-borrower: the customer of the loan before, so a customer is met twice. */
    static final int CO_BORROWER_EVERY = 10;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Servicing CSV import benchmark%njava.version=%s, processors=%d, max heap=%d MB, "
                        + "database=%s%n%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        Path root = Files.createTempDirectory("portal-import-bench");
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY)) {
            SystemTask.run(() -> {
                LoanServicing servicing = context.getBean(LoanServicing.class);
                servicing.defineProduct(new ProductDefinition("PERSONAL", "Personal loan", new BigDecimal("11.5000"), 36,
                        PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false));
            });
            ServicingImport imports = context.getBean(ServicingImport.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            Path dry = root.resolve("dry-run");
            write(dry, DRY_RUN_LOANS, ENTRIES_PER_LOAN);
            Path full = root.resolve("full");
            long start = System.nanoTime();
            long bytes = write(full, LOANS, ENTRIES_PER_LOAN);
            System.out.printf(Locale.ROOT, "Generated %,d loans with %,d entries (%.0f MB of CSV) in %.1f s, in %s%n%n",
                    LOANS, (long) LOANS * ENTRIES_PER_LOAN, bytes / 1048576.0, (System.nanoTime() - start) / 1e9, full);

            System.out.printf(Locale.ROOT, "  %-28s %9s %10s %10s %12s %14s %s%n", "run", "loans", "seconds", "loans/s",
                    "entries/s", "peak heap MB", "");
            measure(imports, dry, true, DRY_RUN_LOANS, "dry run", false);
            long written = jdbc.queryForObject("select count(*) from loan_accounts", Long.class);
            if (written != 0) {
                throw new IllegalStateException("The dry run wrote " + written + " loans");
            }
            Thread progress = progress(jdbc);
            try {
                measure(imports, full, false, LOANS, "import", true);
            } finally {
                progress.interrupt();
            }
            System.out.printf(Locale.ROOT, "%n  in the database: %,d loans, %,d customers, %,d ledger entries, %,d servicer entries%n",
                    jdbc.queryForObject("select count(*) from loan_accounts", Long.class),
                    jdbc.queryForObject("select count(*) from customers", Long.class),
                    jdbc.queryForObject("select count(*) from ledger_entries", Long.class),
                    jdbc.queryForObject("select count(*) from servicer_entries", Long.class));
        } finally {
            delete(root);
        }
    }

    /** Every minute, the loans in so far: a long run shows its pace (and whether it slows) while it lasts. */
    private static Thread progress(JdbcTemplate jdbc) {
        long start = System.nanoTime();
        return Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
                long loans = jdbc.queryForObject("select count(*) from loan_accounts", Long.class);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "    ... %,d loans in after %.0f s (%.0f loans/s); heap in use %d MB%n",
                        loans, seconds, loans / seconds, (Runtime.getRuntime().totalMemory()
                                - Runtime.getRuntime().freeMemory()) >> 20);
            }
        });
    }

    private static void measure(ServicingImport imports, Path folder, boolean dryRun, int loans, String name,
                                boolean goal) {
        Map<ImportFile, Path> files = ImportFile.in(folder);
        System.gc();
        HeapSampler heap = HeapSampler.start();
        long start = System.nanoTime();
        ImportReport report;
        try (heap) {
            report = SystemTask.call(() -> imports.run(files, dryRun));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long entries = (long) loans * ENTRIES_PER_LOAN;
        if (!report.clean() || report.counts().loansCreated() != loans || report.counts().entriesPosted() != entries) {
            throw new IllegalStateException("The import did not take every row: " + report.summary()
                    + report.problems().stream().limit(5).map(Object::toString).toList());
        }
        System.out.printf(Locale.ROOT, "  %-28s %,9d %10.1f %10.0f %12.0f %14d %s%n", name, loans, seconds,
                loans / seconds, entries / seconds, heap.peakMegabytes(), goal ? String.format(Locale.ROOT,
                        "goal <= %.0f s for 100,000 loans%s", GOAL_SECONDS, loans < 100_000 ? ""
                                : seconds <= GOAL_SECONDS ? " (met)" : " (NOT met)") : "");
    }

    /**
     * The four files for {@code loans} loans, each with one customer of its own (and every tenth with the customer
     * before as co-borrower) and {@code entries} entries: monthly payments, then a late fee and its reversal.
     *
     * @return the bytes written
     */
    static long write(Path folder, int loans, int entries) throws IOException {
        Files.createDirectories(folder);
        try (BufferedWriter customers = writer(folder, ImportFile.CUSTOMERS);
             BufferedWriter loanRows = writer(folder, ImportFile.LOANS);
             BufferedWriter borrowers = writer(folder, ImportFile.BORROWERS);
             BufferedWriter ledger = writer(folder, ImportFile.ENTRIES)) {
            LocalDate start = TODAY.minusMonths(entries + 2L);
            for (int i = 1; i <= loans; i++) {
                String customer = String.format(Locale.ROOT, "BIC-%07d", i);
                String loan = String.format(Locale.ROOT, "BI-%07d", i);
                customers.write(customer + ",Bench,Borrower " + i + ",import-" + i + "@bench.example,5185550100,"
                        + (i % 997) + " Main Street,\"Apt " + (i % 40) + ", rear\",Albany,NY,12207,ACTIVE\n");
                loanRows.write(loan + ",PERSONAL,15000.00,9.9900,60," + start + "," + start.plusMonths(1)
                        + ",,," + (i % 2 == 0) + "," + (i % 3 == 0 ? "9000.00," + TODAY : ",") + "\n");
                borrowers.write(loan + "," + customer + ",BORROWER\n");
                if (i % CO_BORROWER_EVERY == 0) {
                    borrowers.write(loan + "," + String.format(Locale.ROOT, "BIC-%07d", i - 1) + ",CO_BORROWER\n");
                }
                int payments = entries >= 3 ? entries - 2 : entries;
                for (int k = 1; k <= payments; k++) {
                    ledger.write(loan + ",E-" + k + ",PAYMENT," + start.plusMonths(k) + ",318.00,200.00,118.00,0.00,,,\n");
                }
                if (payments < entries) {
                    LocalDate late = start.plusMonths(payments).plusDays(10);
                    ledger.write(loan + ",E-" + (payments + 1) + ",FEE," + late + ",25.00,0.00,0.00,25.00,,,Late fee\n");
                    ledger.write(loan + ",E-" + (payments + 2) + ",REVERSAL," + late + ",,,,,E-" + (payments + 1)
                            + ",,\"Late fee waived, paid by phone\"\n");
                }
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static BufferedWriter writer(Path folder, ImportFile file) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(folder.resolve(file.fileName()), StandardCharsets.UTF_8);
        writer.write(String.join(",", file.columns()) + "\n");
        return writer;
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
