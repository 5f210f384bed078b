package io.borrowerportal.servicing;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.Csv;
import io.borrowerportal.security.CurrentUser;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV import (decision 031) on the shared database: the sample set of docs/import, dry runs that write
 * nothing, a refused row that refuses its loan only, reruns, bad encodings and headers, formula cells, the
 * command's exit codes and the bulk invitation. Each test imports its own copy of the sample with ids of its own.
 */
class ServicingImportTest extends ServiceTest {

    private static final Path SAMPLE = Path.of("docs/import");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final List<String> TABLES = List.of("customers", "servicer_customers", "loan_accounts",
            "servicer_loans", "customer_accounts", "ledger_entries", "servicer_entries", "email_outbox", "loan_products");

    @Autowired
    ServicingImport imports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @TempDir
    Path dir;

    private String prefix;

    @BeforeEach
    void signInAsAdmin() {
        SignIn.as(users, "admin@example.com");
        prefix = "T" + RUN + NEXT.incrementAndGet();
    }

    @Test
    void the_sample_set_imports_cleanly_and_a_rerun_reports_everything_unchanged() {
        ImportReport first = imports.run(files(SAMPLE), false);
        assertThat(first.problems()).isEmpty();
        assertThat(first.clean()).isTrue();
        // The shared database may hold the sample from an earlier run: then it is all unchanged.
        assertThat(first.counts().loansCreated() + first.counts().loansUnchanged()).isEqualTo(3);
        assertThat(first.counts().customersCreated() + first.counts().customersUnchanged()).isEqualTo(3);
        assertThat(first.counts().entriesPosted() + first.counts().entriesRepeated()).isEqualTo(9);

        ImportReport again = imports.run(files(SAMPLE), false);
        assertThat(again.clean()).isTrue();
        assertThat(again.counts()).isEqualTo(new ImportReport.Counts(0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9));
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = 'SMP-300002'", Long.class)).isEqualTo(5);
    }

    @Test
    void a_copy_of_the_sample_is_created_then_a_rerun_creates_nothing_and_reports_it_unchanged() {
        Path folder = copy(Map.of());
        ImportReport first = imports.run(files(folder), false);
        assertThat(first.problems()).isEmpty();
        assertThat(first.counts()).isEqualTo(new ImportReport.Counts(0, 0, 2, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9, 0, 0));
        assertThat(first.createdCustomerIds()).hasSize(3);
        long rows = count("ledger_entries");

        ImportReport rerun = imports.run(files(folder), false);
        assertThat(rerun.counts()).isEqualTo(new ImportReport.Counts(0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9));
        assertThat(rerun.createdCustomerIds()).isEmpty();
        assertThat(count("ledger_entries")).isEqualTo(rows);
        assertThat(jdbc.queryForList("select detail from audit_events where action = 'SERVICING_IMPORT_RUN' and actor = "
                + "'admin@example.com' order by id desc limit 1", String.class).getFirst())
                .contains("loans: 0 created").contains("3 unchanged");
    }

    @Test
    void a_dry_run_writes_nothing_and_lists_every_refused_row_with_its_file_line_and_column() {
        Path folder = copy(Map.of(
                "customers.csv", new String[]{"(312) 555-0182", "not a phone"},
                "loans.csv", new String[]{"2500.00,9.9900,24", "2500.00,9.9900,zero"},
                "entries.csv", new String[]{"198.00,141.85,56.15", "198.00,141.85,50.00"}));
        Map<String, Long> before = counts();
        long audits = count("audit_events");

        ImportReport report = imports.run(files(folder), true);

        assertThat(counts()).isEqualTo(before);
        assertThat(count("audit_events")).isEqualTo(audits + 1);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .contains("loans.csv:4:numberOfPayments", "entries.csv:7:amount", "customers.csv:3:phone",
                        "borrowers.csv:3:externalId");
        assertThat(report.counts().loansRefused()).isEqualTo(3);
        assertThat(report.counts().loansCreated()).isZero();
        assertThat(report.createdCustomerIds()).isEmpty();
    }

    @Test
    void a_dry_run_of_good_files_counts_what_would_be_created_and_writes_nothing() {
        Path folder = copy(Map.of());
        Map<String, Long> before = counts();
        ImportReport report = imports.run(files(folder), true);
        assertThat(report.problems()).isEmpty();
        assertThat(report.counts()).isEqualTo(new ImportReport.Counts(0, 0, 2, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9, 0, 0));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_bad_row_refuses_its_loan_only_and_the_other_loans_go_in() {
        Path folder = copy(Map.of("entries.csv", new String[]{"198.00,141.85,56.15", "198.00,141.85,50.00"}));
        ImportReport report = imports.run(files(folder), false);

        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .containsExactly("entries.csv:7:amount", "loans.csv:3:null");
        assertThat(report.problems().getFirst().reason()).contains("does not add up").doesNotStartWith("Row ");
        assertThat(report.counts().loansCreated()).isEqualTo(2);
        assertThat(report.counts().loansRefused()).isEqualTo(1);
        assertThat(loan("300001")).isTrue();
        assertThat(loan("300002")).isFalse();
        assertThat(loan("300003")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from servicer_entries e join loan_accounts a on a.id = e.account_id"
                + " where a.loan_number = ?", Long.class, prefix + "-300001")).isEqualTo(4);
    }

    // --- products.csv (decision 034)

    @Test
    void a_new_product_in_products_csv_goes_in_before_the_loan_that_names_it_and_a_rerun_finds_it_unchanged() {
        String code = prefix + "-AUTO";
        Path folder = copy(newAuto(code, "6.9900"));

        ImportReport first = imports.run(files(folder), false);

        assertThat(first.problems()).isEmpty();
        assertThat(first.counts()).isEqualTo(new ImportReport.Counts(1, 0, 1, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9, 0, 0));
        assertThat(jdbc.queryForObject("select p.code from loan_accounts a join loan_products p on p.id = a.product_id "
                + "where a.loan_number = ?", String.class, prefix + "-300001")).isEqualTo(code);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'LOAN_PRODUCT_CREATED' and "
                + "actor = 'servicer' and detail like ?", Long.class, "Loan product " + code + " %")).isEqualTo(1);
        assertThat(imports.run(files(folder), false).counts())
                .isEqualTo(new ImportReport.Counts(0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9));
    }

    @Test
    void a_dry_run_checks_each_loan_against_the_new_product_it_names_and_writes_neither() {
        Path folder = copy(newAuto(prefix + "-AUTO", "6.9900"));
        Map<String, Long> before = counts();

        ImportReport report = imports.run(files(folder), true);

        assertThat(report.problems()).isEmpty();
        assertThat(report.counts()).isEqualTo(new ImportReport.Counts(1, 0, 1, 0, 3, 0, 0, 0, 3, 0, 0, 0, 9, 0, 0));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_refused_product_row_refuses_the_loans_that_name_it_and_the_others_go_in() {
        String code = prefix + "-AUTO";
        Path folder = copy(newAuto(code, "-6.99"));

        ImportReport report = imports.run(files(folder), false);

        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .containsExactly("products.csv:2:defaultAnnualRatePercent", "loans.csv:2:productCode");
        assertThat(report.problems().get(1).reason()).isEqualTo("Product " + code + " is refused in products.csv (line 2).");
        assertThat(report.counts().productsRefused()).isEqualTo(1);
        assertThat(report.counts().loansRefused()).isEqualTo(1);
        assertThat(loan("300001")).isFalse();
        assertThat(loan("300002")).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from loan_products where code = ?", Long.class, code)).isZero();
    }

    @Test
    void a_new_day_count_for_a_product_with_loans_is_refused_naming_the_row_and_so_are_its_loans() {
        Path folder = copy(Map.of("products.csv", new String[]{"36,MONTHLY,ACTUAL_365", "36,MONTHLY,THIRTY_360"}));
        Map<String, Long> before = counts();

        ImportReport report = imports.run(files(folder), true);

        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .contains("products.csv:3:dayCount", "loans.csv:3:productCode", "loans.csv:4:productCode");
        assertThat(report.problems().getFirst().reason()).contains("booked on PERSONAL").contains("stays ACTUAL_365");
        assertThat(report.counts().loansRefused()).isEqualTo(2);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void products_csv_is_optional() throws IOException {
        Path folder = copy(Map.of());
        Files.delete(folder.resolve("products.csv"));

        ImportReport report = imports.run(files(folder), true);

        assertThat(report.problems()).isEmpty();
        assertThat(report.counts().productsUnchanged()).isZero();
        assertThat(report.counts().loansCreated()).isEqualTo(3);
    }

    @Test
    void loans_beyond_one_chunk_go_in_and_a_refused_loan_refuses_only_itself_in_its_chunk() throws IOException {
        int loans = ServicingImport.CHUNK_LOANS + 3;
        Path folder = dir.resolve(prefix + "-chunks");
        Files.createDirectories(folder);
        StringBuilder customers = new StringBuilder(String.join(",", ImportFile.CUSTOMERS.columns()) + "\n");
        StringBuilder loanRows = new StringBuilder(String.join(",", ImportFile.LOANS.columns()) + "\n");
        StringBuilder borrowers = new StringBuilder(String.join(",", ImportFile.BORROWERS.columns()) + "\n");
        StringBuilder entries = new StringBuilder(String.join(",", ImportFile.ENTRIES.columns()) + "\n");
        for (int i = 1; i <= loans; i++) {
            String loan = prefix + "-C" + i;
            customers.append(prefix).append("-K").append(i).append(",Chunk,Importer,chunk").append(i).append('@')
                    .append(prefix.toLowerCase()).append(".example.org,,,,,,,ACTIVE\n");
            loanRows.append(loan).append(",PERSONAL,2500.00,9.9900,24,2026-09-15,2026-10-15,,,,,\n");
            borrowers.append(loan).append(',').append(prefix).append("-K").append(i).append(",BORROWER\n");
            // The 27th loan's second entry does not add up: it is in the second chunk, with the two after it.
            String interest = i == ServicingImport.CHUNK_LOANS + 2 ? "10.00" : "20.80";
            entries.append(loan).append(",E-1,PAYMENT,2026-10-15,115.00,94.20,20.80,0.00,,,\n")
                    .append(loan).append(",E-2,PAYMENT,2026-11-15,115.00,94.20,").append(interest).append(",0.00,,,\n");
        }
        Files.writeString(folder.resolve("customers.csv"), customers);
        Files.writeString(folder.resolve("loans.csv"), loanRows);
        Files.writeString(folder.resolve("borrowers.csv"), borrowers);
        Files.writeString(folder.resolve("entries.csv"), entries);

        ImportReport report = imports.run(files(folder), false);

        int bad = ServicingImport.CHUNK_LOANS + 2;
        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .containsExactly("entries.csv:" + (2 * bad + 1) + ":amount", "loans.csv:" + (bad + 1) + ":null");
        // The refused loan's customer goes in on its own at the end, as every customer no imported loan names.
        assertThat(report.counts()).isEqualTo(new ImportReport.Counts(0, 0, 0, 0, loans, 0, 0, 0, loans - 1, 0, 0,
                1, 2L * (loans - 1), 0, 0));
        assertThat(report.createdCustomerIds()).hasSize(loans);
        assertThat(jdbc.queryForObject("select count(*) from loan_accounts where loan_number like ?", Long.class,
                prefix + "-C%")).isEqualTo(loans - 1);
        assertThat(loan("C" + bad)).isFalse();
        assertThat(loan("C" + (bad + 1))).as("the loan after the refused one, in the same chunk").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from servicer_entries e join loan_accounts a on a.id = e.account_id"
                + " where a.loan_number like ?", Long.class, prefix + "-C%")).isEqualTo(2L * (loans - 1));
    }

    @Test
    void loans_in_chunks_written_at_the_same_time_share_co_borrowers_and_every_loan_goes_in_once() throws IOException {
        // Every loan names the same two co-borrowers, so the writers of several chunks create them at the same
        // moment: the losers' chunks go again loan by loan, and no loan is lost or refused.
        int loans = 6 * ServicingImport.CHUNK_LOANS;
        Path folder = book(loans, i -> List.of(prefix + "-S1", prefix + "-S" + (2 + i % 2)), i -> false, i -> false);

        ImportReport report = imports.run(files(folder), false);

        assertThat(report.problems()).isEmpty();
        assertThat(report.counts()).isEqualTo(new ImportReport.Counts(0, 0, 0, 0, loans + 3, 0, 0, 0, loans, 0, 0,
                0, 2L * loans, 0, 0));
        assertThat(report.createdCustomerIds()).hasSize(loans + 3).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from customer_accounts l join servicer_customers s on "
                + "s.customer_id = l.customer_id where s.external_id = ?", Long.class, prefix + "-S1")).isEqualTo(loans);
        assertThat(jdbc.queryForObject("select count(*) from servicer_entries e join loan_accounts a on a.id = e.account_id"
                + " where a.loan_number like ?", Long.class, prefix + "-C%")).isEqualTo(2L * loans);

        ImportReport rerun = imports.run(files(folder), false);
        assertThat(rerun.counts()).isEqualTo(new ImportReport.Counts(0, 0, 0, 0, 0, 0, loans + 3, 0, 0, 0, loans, 0,
                0, 0, 2L * loans));
    }

    @Test
    void writers_in_parallel_report_exactly_what_one_writer_reports(@Autowired ServicingProducts products,
            @Autowired ServicingCustomers customers,
            @Autowired ServicingLoans loans, @Autowired ServicingLedger ledger,
            @Autowired ServicerCustomerRepository servicerCustomers, @Autowired Invitations invitations,
            @Autowired AuditService audit, @Autowired CurrentUser currentUser,
            @Autowired PlatformTransactionManager transactions, @Autowired EntityManager entityManager)
            throws IOException {
        // A customer the servicing rules refuse (its phone), named by loans in several chunks; loans whose entries
        // do not add up, and loans with a bad cell, spread over the chunks.
        int count = 5 * ServicingImport.CHUNK_LOANS;
        Path folder = book(count, i -> i % 7 == 3 ? List.of(prefix + "-BAD") : List.of(prefix + "-S1"),
                i -> i % 11 == 5, i -> i % 13 == 8);
        ServicingImport oneWriter = new ServicingImport(products, customers, loans, ledger, servicerCustomers, invitations,
                audit, currentUser, transactions, entityManager, 1);

        ImportReport alone = oneWriter.run(files(folder), true);
        ImportReport parallel = imports.run(files(folder), true);

        assertThat(parallel.problems()).isEqualTo(alone.problems());
        assertThat(parallel.counts()).isEqualTo(alone.counts());
        // The refused customer's own problems are reported once, with the first loan that named it (its line in
        // customers.csv comes after the header, the three shared co-borrowers and the loans' own borrowers).
        assertThat(alone.problems()).filteredOn(p -> p.file().equals("customers.csv")).doesNotHaveDuplicates()
                .allSatisfy(p -> assertThat(p.line()).isEqualTo(count + 5L))
                .extracting(ImportProblem::column).contains("phone");
        assertThat(alone.counts().loansRefused()).isEqualTo(IntStream.rangeClosed(1, count)
                .filter(i -> i % 7 == 3 || i % 11 == 5 || i % 13 == 8).count());
    }

    /**
     * A book of loans numbered C1..Cn, each with a borrower of its own and the co-borrowers named; two entries each.
     * A customer "-BAD", when a loan names it, has a phone the servicing rules refuse.
     */
    private Path book(int loans, IntFunction<List<String>> coBorrowers, IntPredicate badEntry, IntPredicate badCell)
            throws IOException {
        Path folder = dir.resolve(prefix + "-book");
        Files.createDirectories(folder);
        String domain = "@" + prefix.toLowerCase() + ".example.org";
        StringBuilder customers = new StringBuilder(String.join(",", ImportFile.CUSTOMERS.columns()) + "\n");
        for (String shared : List.of("S1", "S2", "S3")) {
            customers.append(prefix).append('-').append(shared).append(",Shared,Co,").append(shared.toLowerCase())
                    .append(domain).append(",,,,,,,ACTIVE\n");
        }
        StringBuilder loanRows = new StringBuilder(String.join(",", ImportFile.LOANS.columns()) + "\n");
        StringBuilder borrowers = new StringBuilder(String.join(",", ImportFile.BORROWERS.columns()) + "\n");
        StringBuilder entries = new StringBuilder(String.join(",", ImportFile.ENTRIES.columns()) + "\n");
        for (int i = 1; i <= loans; i++) {
            String loan = prefix + "-C" + i;
            customers.append(prefix).append("-K").append(i).append(",Book,Importer,book").append(i).append(domain)
                    .append(",,,,,,,ACTIVE\n");
            loanRows.append(loan).append(",PERSONAL,2500.00,9.9900,").append(badCell.test(i) ? "zero" : "24")
                    .append(",2026-09-15,2026-10-15,,,,,\n");
            borrowers.append(loan).append(',').append(prefix).append("-K").append(i).append(",BORROWER\n");
            for (String co : coBorrowers.apply(i)) {
                borrowers.append(loan).append(',').append(co).append(",CO_BORROWER\n");
            }
            String interest = badEntry.test(i) ? "10.00" : "20.80";
            entries.append(loan).append(",E-1,PAYMENT,2026-10-15,115.00,94.20,20.80,0.00,,,\n")
                    .append(loan).append(",E-2,PAYMENT,2026-11-15,115.00,94.20,").append(interest).append(",0.00,,,\n");
        }
        if (borrowers.indexOf(prefix + "-BAD,") >= 0) {
            customers.append(prefix).append("-BAD,Bad,Phone,bad").append(domain).append(",not a phone,,,,,,ACTIVE\n");
        }
        Files.writeString(folder.resolve("customers.csv"), customers);
        Files.writeString(folder.resolve("loans.csv"), loanRows);
        Files.writeString(folder.resolve("borrowers.csv"), borrowers);
        Files.writeString(folder.resolve("entries.csv"), entries);
        return folder;
    }

    @Test
    void a_file_that_is_not_utf8_is_refused_whole_naming_the_file_and_line_and_nothing_is_written() throws IOException {
        Path folder = copy(Map.of());
        byte[] entries = Files.readAllBytes(folder.resolve("entries.csv"));
        String text = new String(entries, StandardCharsets.UTF_8).replace("Late fee waived", "Late fee waiv\u00e9d");
        // ISO-8859-1, as an old spreadsheet would save it: é is one byte that is not UTF-8.
        Files.write(folder.resolve("entries.csv"), text.getBytes(StandardCharsets.ISO_8859_1));
        Map<String, Long> before = counts();

        ImportReport report = imports.run(files(folder), false);

        assertThat(report.refusedWhole()).isTrue();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("entries.csv");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.reason()).contains("not UTF-8");
        });
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void a_missing_or_unknown_column_refuses_the_run_whole() {
        Path folder = copy(Map.of("customers.csv", new String[]{",status", ",standing"}));
        Map<String, Long> before = counts();
        ImportReport report = imports.run(files(folder), false);
        assertThat(report.refusedWhole()).isTrue();
        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .containsExactlyInAnyOrder("customers.csv:1:standing", "customers.csv:1:status");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void rows_of_a_loan_out_of_the_order_of_loans_csv_refuse_the_run_whole() throws IOException {
        Path folder = copy(Map.of());
        List<String> lines = Files.readAllLines(folder.resolve("borrowers.csv"));
        Files.write(folder.resolve("borrowers.csv"), List.of(lines.get(0), lines.get(1), lines.get(3), lines.get(2),
                lines.get(4)));
        ImportReport report = imports.run(files(folder), false);
        assertThat(report.refusedWhole()).isTrue();
        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line()).containsExactly("borrowers.csv:4");
    }

    @Test
    void formula_cells_are_stored_as_text_and_exported_guarded_while_a_negative_amount_is_a_number() {
        Path folder = copy(Map.of(
                "entries.csv", new String[]{"Interest correction", "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""},
                "loans.csv", new String[]{"2023 Toyota Corolla", "@SUM(A1:A9)"}));
        ImportReport report = imports.run(files(folder), false);
        assertThat(report.problems()).isEmpty();

        String description = jdbc.queryForObject("select e.description from ledger_entries e join loan_accounts a on "
                + "a.id = e.account_id where a.loan_number = ? and e.description like '=HYPER%'", String.class,
                prefix + "-300002");
        assertThat(description).isEqualTo("=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(Csv.text(description)).startsWith("\"'=HYPERLINK");
        assertThat(jdbc.queryForObject("select collateral_description from loan_accounts where loan_number = ?",
                String.class, prefix + "-300001")).isEqualTo("@SUM(A1:A9)");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = ? and e.interest = -12.50", Long.class, prefix + "-300002")).isEqualTo(1);
    }

    @Test
    void a_formula_in_an_amount_column_is_not_a_number() {
        Path folder = copy(Map.of("entries.csv", new String[]{"-12.50,0.00,-12.50", "=-12.5,0.00,-12.50"}));
        ImportReport report = imports.run(files(folder), true);
        assertThat(report.problems()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .contains("entries.csv:9:amount");
        assertThat(report.problems().getFirst().reason()).startsWith("Not a number");
    }

    @Test
    void the_command_exits_0_when_all_went_in_1_when_rows_were_refused_and_2_when_a_file_was() throws IOException {
        Path good = copy(Map.of());
        assertThat(command(good, false).runOnce()).isEqualTo(0);
        assertThat(command(good, false).runOnce()).isEqualTo(0);

        prefix = prefix + "B";
        Path bad = copy(Map.of("entries.csv", new String[]{"198.00,141.85,56.15", "198.00,141.85,50.00"}));
        assertThat(command(bad, true).runOnce()).isEqualTo(1);

        Files.delete(bad.resolve("loans.csv"));
        assertThat(command(bad, false).runOnce()).isEqualTo(2);
        assertThat(command(dir.resolve("no-such-folder"), false).runOnce()).isEqualTo(2);
    }

    @Test
    void the_customers_a_run_created_are_invited_once_in_bulk() {
        ImportReport report = imports.run(files(copy(Map.of())), false);
        assertThat(report.createdCustomerIds()).hasSize(3);
        long mails = count("email_outbox");

        assertThat(imports.inviteCreated(report)).isEqualTo(3);
        assertThat(count("email_outbox")).isEqualTo(mails + 3);
        assertThat(jdbc.queryForObject("select count(*) from customers where invited_at is not null and id in ("
                + String.join(",", report.createdCustomerIds().stream().map(String::valueOf).toList()) + ")",
                Long.class)).isEqualTo(3);
        // Their links are still good: a second click sends nothing.
        assertThat(imports.inviteCreated(report)).isZero();
    }

    /** The sample with an AUTO product of this test's own code and rate, named by the first loan. */
    private static Map<String, String[]> newAuto(String code, String rate) {
        return Map.of("products.csv", new String[]{"AUTO,Auto loan,6.9900", code + ",Auto loan," + rate},
                "loans.csv", new String[]{",AUTO,", "," + code + ","});
    }

    private ServicingImportCommand command(Path folder, boolean dryRun) {
        return new ServicingImportCommand(imports, context, folder.toString(), dryRun, false);
    }

    /**
     * The sample set with this test's own loan numbers, customer ids and emails, and each file's replacements
     * applied (pairs of text to find and its replacement).
     */
    private Path copy(Map<String, String[]> replacements) {
        Path folder = dir.resolve(prefix);
        try {
            Files.createDirectories(folder);
            for (ImportFile file : ImportFile.values()) {
                String text = Files.readString(SAMPLE.resolve(file.fileName()), StandardCharsets.UTF_8)
                        .replace("SMP-", prefix + "-").replace("@example.org", "@" + prefix.toLowerCase() + ".example.org");
                String[] pairs = replacements.getOrDefault(file.fileName(), new String[0]);
                for (int i = 0; i < pairs.length; i += 2) {
                    assertThat(text).contains(pairs[i]);
                    text = text.replace(pairs[i], pairs[i + 1]);
                }
                Files.writeString(folder.resolve(file.fileName()), text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The folder's files, as the command finds them: an optional one only when it is there. */
    private static Map<ImportFile, Path> files(Path folder) {
        return ImportFile.in(folder);
    }

    private boolean loan(String number) {
        return jdbc.queryForObject("select count(*) from loan_accounts where loan_number = ?", Long.class,
                prefix + "-" + number) == 1;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
