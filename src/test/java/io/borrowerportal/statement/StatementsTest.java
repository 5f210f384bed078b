package io.borrowerportal.statement;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSource;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.SystemTask;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements written on the test database (MariaDB in CI): one per loan and month, filed in Documents and
 * emailed once, whatever happens to the run. Each test makes its own loans and checks only those; a run over
 * the book also writes the statements other tests' loans lack.
 */
class StatementsTest extends ServiceTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    Statements statements;
    @Autowired
    StatementWriter writer;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    DocumentService documents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    io.borrowerportal.account.BalanceReviews balanceReviews;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A loan of its own: who is on it and its account id. */
    record Loan(long accountId, String loanNumber, String borrower, String coBorrower) {
    }

    /**
     * $6,000 over 24 months from August 15, 2026 (personal loan, actual/365), with a borrower and a co-borrower,
     * paid on each due date before today (September 15 to November 15).
     */
    private Loan loan(String tag) {
        return loan(tag, LocalDate.of(2026, 8, 15));
    }

    private Loan loan(String tag, LocalDate start) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String loanNumber = "ST-" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String borrower = tag + "-" + unique + "@example.com";
        String coBorrower = tag + "-co-" + unique + "@example.com";
        return SystemTask.call(() -> {
            long first = customers.create(borrower, "Robin", "Statement " + unique, null, "test-password-1");
            long second = customers.create(coBorrower, "Casey", "Statement " + unique, null, "test-password-1");
            LoanTerms terms = new LoanTerms(new BigDecimal("6000.00"), new BigDecimal("10.0000"), 24, start,
                    start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
            servicing.openAccount(new OpenAccountCommand(loanNumber, "PERSONAL", terms, null, null));
            servicing.link(loanNumber, first, LinkRole.BORROWER);
            servicing.link(loanNumber, second, LinkRole.CO_BORROWER);
            LoanEngine.schedule(terms).stream().filter(i -> i.dueDate().isBefore(LocalDate.of(2026, 12, 1)))
                    .forEach(i -> servicing.postPayment(loanNumber, i.dueDate(), i.payment(), PaymentKind.REGULAR, "Payment"));
            long id = jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class, loanNumber);
            return new Loan(id, loanNumber, borrower, coBorrower);
        });
    }

    private StatementWriter.Outcome write(Loan loan, YearMonth period) {
        return SystemTask.call(() -> writer.write(loan.accountId(), period, true));
    }

    private List<StatementSummary> statementsOf(Loan loan) {
        return SystemTask.call(() -> statements.statementsOf(loan.accountId()));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private int statementDocuments(Loan loan) {
        return count("select count(*) from documents d join document_categories c on c.id = d.category_id "
                + "where d.account_id = ? and c.purpose = 'STATEMENTS'", loan.accountId());
    }

    private int emails(String to, String subject) {
        return count("select count(*) from email_outbox where recipient = ? and subject = ?", to, subject);
    }

    private String subject(Loan loan, YearMonth period) {
        return StatementWording.emailSubject(loan.loanNumber(), period);
    }

    @Test
    void a_loans_month_is_filed_in_statements_recorded_and_each_customer_on_the_loan_is_emailed_once() throws IOException {
        Loan loan = loan("stmt-one");

        assertThat(write(loan, NOVEMBER)).isEqualTo(StatementWriter.Outcome.WRITTEN);

        StatementSummary statement = statementsOf(loan).getFirst();
        assertThat(statementsOf(loan)).hasSize(1);
        assertThat(statement.period()).isEqualTo(NOVEMBER);
        assertThat(statement.customersNotified()).isEqualTo(2);
        assertThat(statement.nextDueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(statement.finalStatement()).isFalse();
        assertThat(statementDocuments(loan)).isEqualTo(1);
        assertThat(emails(loan.borrower(), subject(loan, NOVEMBER))).isEqualTo(1);
        assertThat(emails(loan.coBorrower(), subject(loan, NOVEMBER))).isEqualTo(1);

        for (String customer : List.of(loan.borrower(), loan.coBorrower())) {
            SignIn.as(users, customer);
            DocumentSummary document = documents.documents(loan.loanNumber()).stream()
                    .filter(d -> d.id() == statement.documentId()).findFirst().orElseThrow();
            assertThat(document.categoryName()).isEqualTo("Statements");
            assertThat(document.name()).isEqualTo("Statement, November 2026");
            assertThat(document.source()).isEqualTo(DocumentSource.LENDER);
            assertThat(document.isPdf()).isTrue();
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            documents.writeContent(loan.loanNumber(), document.id(), pdf);
            try (PDDocument read = Loader.loadPDF(pdf.toByteArray())) {
                assertThat(new PDFTextStripper().getText(read)).contains("Loan " + loan.loanNumber(),
                        "Statement period: November 1, 2026 to November 30, 2026",
                        io.borrowerportal.common.Money.format(statement.closingBalance()), "December 15, 2026");
            }
            SignIn.out();
        }

        assertThat(write(loan, NOVEMBER)).as("again").isEqualTo(StatementWriter.Outcome.ALREADY_WRITTEN);
        assertThat(write(loan, OCTOBER)).as("a month before the latest statement").isEqualTo(StatementWriter.Outcome.ALREADY_WRITTEN);
        assertThat(statementsOf(loan)).hasSize(1);
        assertThat(statementDocuments(loan)).isEqualTo(1);
        assertThat(emails(loan.borrower(), subject(loan, NOVEMBER))).isEqualTo(1);
    }

    @Test
    void a_loan_whose_balance_is_under_review_gets_its_statement_saying_the_balances_may_change() throws IOException {
        Loan loan = loan("stmt-review");
        assertThat(SystemTask.call(() -> balanceReviews.hold(loan.accountId()))).isTrue();
        try {
            assertThat(write(loan, NOVEMBER)).isEqualTo(StatementWriter.Outcome.WRITTEN);
        } finally {
            SystemTask.call(() -> balanceReviews.release(loan.accountId()));
        }
        StatementSummary statement = statementsOf(loan).getFirst();
        SignIn.as(users, loan.borrower());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        documents.writeContent(loan.loanNumber(), statement.documentId(), pdf);
        SignIn.out();
        try (PDDocument read = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(read).replaceAll("\\s+", " "))
                    .contains("Your balance is being updated: the balances on this statement come from our records as "
                            + "posted and may change.");
        }
    }

    @Test
    void two_writers_of_the_same_loan_and_month_at_once_write_one_statement_and_one_email_per_customer() throws Exception {
        Loan loan = loan("stmt-race");
        List<StatementWriter.Outcome> outcomes = together(2, () -> write(loan, NOVEMBER));

        assertThat(outcomes).containsExactlyInAnyOrder(StatementWriter.Outcome.WRITTEN,
                StatementWriter.Outcome.ALREADY_WRITTEN);
        assertThat(statementsOf(loan)).hasSize(1);
        assertThat(statementDocuments(loan)).isEqualTo(1);
        assertThat(emails(loan.borrower(), subject(loan, NOVEMBER))).isEqualTo(1);
        assertThat(emails(loan.coBorrower(), subject(loan, NOVEMBER))).isEqualTo(1);
    }

    @Test
    void the_run_writes_one_statement_per_loan_and_a_second_run_writes_none() {
        List<Loan> loans = List.of(loan("stmt-run-a"), loan("stmt-run-b"), loan("stmt-run-c"));

        StatementRunReport first = SystemTask.call(() -> statements.run(NOVEMBER));
        StatementRunReport second = SystemTask.call(() -> statements.run(NOVEMBER));

        assertThat(first.written()).isGreaterThanOrEqualTo(loans.size());
        assertThat(first.errors()).isZero();
        assertThat(second.written()).as("the second run").isZero();
        assertThat(second.errors()).isZero();
        assertThat(second.alreadyWritten()).isGreaterThanOrEqualTo(loans.size());
        for (Loan loan : loans) {
            assertThat(statementsOf(loan)).extracting(StatementSummary::period).containsExactly(NOVEMBER);
            assertThat(statementDocuments(loan)).isEqualTo(1);
            assertThat(emails(loan.borrower(), subject(loan, NOVEMBER))).isEqualTo(1);
        }
    }

    @Test
    void two_runs_at_once_write_each_loans_statement_once() throws Exception {
        List<Loan> loans = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            loans.add(loan("stmt-runs"));
        }
        List<StatementRunReport> reports = together(2, () -> SystemTask.call(() -> statements.run(OCTOBER)));

        assertThat(reports).allSatisfy(report -> assertThat(report.errors()).isZero());
        for (Loan loan : loans) {
            assertThat(statementsOf(loan)).extracting(StatementSummary::period).containsExactly(OCTOBER);
            assertThat(statementDocuments(loan)).isEqualTo(1);
            assertThat(emails(loan.borrower(), subject(loan, OCTOBER))).isEqualTo(1);
            assertThat(emails(loan.coBorrower(), subject(loan, OCTOBER))).isEqualTo(1);
        }
    }

    @Test
    void a_loan_paid_off_in_a_month_gets_its_final_statement_and_none_after() {
        Loan loan = loan("stmt-payoff", LocalDate.of(2026, 7, 10));
        SystemTask.run(() -> servicing.postPayment(loan.loanNumber(), LocalDate.of(2026, 10, 20),
                servicing.figures(loan.loanNumber(), LocalDate.of(2026, 10, 20)).payoffAmount(), PaymentKind.REGULAR, "Payoff"));

        assertThat(write(loan, OCTOBER)).isEqualTo(StatementWriter.Outcome.WRITTEN);
        assertThat(write(loan, NOVEMBER)).isEqualTo(StatementWriter.Outcome.NOT_DUE);
        SystemTask.call(() -> statements.run(NOVEMBER));

        assertThat(statementsOf(loan)).singleElement().satisfies(statement -> {
            assertThat(statement.period()).isEqualTo(OCTOBER);
            assertThat(statement.finalStatement()).isTrue();
            assertThat(statement.closingBalance()).isEqualByComparingTo("0.00");
            assertThat(statement.amountDue()).isEqualByComparingTo("0.00");
            assertThat(statement.nextDueDate()).isNull();
        });
        assertThat(emails(loan.borrower(), subject(loan, OCTOBER))).isEqualTo(1);
        assertThat(emails(loan.borrower(), subject(loan, NOVEMBER))).isZero();
    }

    @Test
    void a_loan_off_the_website_or_not_yet_disbursed_gets_no_statement() {
        Loan hidden = loan("stmt-hidden");
        SystemTask.run(() -> servicing.setWebAccess(hidden.loanNumber(), false));
        Loan later = loan("stmt-later", LocalDate.of(2026, 11, 20));

        assertThat(write(hidden, NOVEMBER)).isEqualTo(StatementWriter.Outcome.NOT_FOUND);
        assertThat(write(later, OCTOBER)).isEqualTo(StatementWriter.Outcome.NOT_DUE);
        SystemTask.call(() -> statements.run(OCTOBER));

        assertThat(statementsOf(hidden)).isEmpty();
        assertThat(statementsOf(later)).isEmpty();
        assertThat(statementDocuments(hidden) + statementDocuments(later)).isZero();
        assertThat(emails(hidden.borrower(), subject(hidden, NOVEMBER))).isZero();
    }

    @Test
    void a_statement_that_fails_halfway_leaves_neither_document_nor_record_nor_email() {
        Loan loan = loan("stmt-fail");
        // An address the customer record accepts but an email header must not carry: the email is refused after the
        // PDF was filed, so the transaction has something to roll back.
        String unmailable = "stmt,fail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SystemTask.run(() -> servicing.link(loan.loanNumber(),
                customers.create(unmailable, "Una", "Mailable", null, "test-password-1"), LinkRole.CO_BORROWER));
        try {
            assertThatThrownBy(() -> write(loan, NOVEMBER)).isInstanceOf(IllegalArgumentException.class);

            assertThat(statementsOf(loan)).isEmpty();
            assertThat(statementDocuments(loan)).isZero();
            assertThat(emails(loan.borrower(), subject(loan, NOVEMBER))).isZero();
        } finally {
            // Off the website, so runs over the book in other tests do not meet it.
            SystemTask.run(() -> servicing.setWebAccess(loan.loanNumber(), false));
        }
    }

    @Test
    void the_job_writes_the_months_after_the_last_run_and_then_nothing_until_the_next_month_ends() {
        Loan loan = loan("stmt-job");
        assertThat(count("select count(*) from statement_runs where period_start = ?", LocalDate.of(2026, 11, 1)))
                .as("the demo data's year of statements was recorded as run").isEqualTo(1);
        clock.moveTo(LocalDate.of(2027, 2, 3));

        List<StatementRunReport> reports = SystemTask.call(statements::catchUp);
        List<StatementRunReport> again = SystemTask.call(statements::catchUp);

        assertThat(reports).extracting(StatementRunReport::period).containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1));
        assertThat(reports).allSatisfy(report -> assertThat(report.errors()).isZero());
        assertThat(again).as("both months are recorded as run").isEmpty();
        List<StatementSummary> written = statementsOf(loan);
        assertThat(written).extracting(StatementSummary::period).containsExactly(YearMonth.of(2026, 12), YearMonth.of(2027, 1));
        assertThat(written.get(1).openingBalance()).isEqualByComparingTo(written.get(0).closingBalance());
        assertThat(written.get(1).interestPaidYearToDate()).as("a new year").isEqualByComparingTo(written.get(1).interestPaid());
        assertThat(emails(loan.borrower(), subject(loan, YearMonth.of(2027, 1)))).isEqualTo(1);
        assertThat(count("select count(*) from statement_runs where period_start in (?, ?)",
                LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))).isEqualTo(2);
    }

    @Test
    void a_month_that_has_not_ended_is_refused() {
        assertThatThrownBy(() -> SystemTask.call(() -> statements.run(YearMonth.of(2026, 12))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("once the month has ended");
    }

    @Test
    void customers_cannot_write_statements() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> statements.run(NOVEMBER))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    /** Runs the call on {@code threads} threads released at the same moment; their results. */
    private static <T> List<T> together(int threads, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
