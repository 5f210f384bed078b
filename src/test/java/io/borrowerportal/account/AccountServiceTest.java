package io.borrowerportal.account;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TenYearBorrower;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest extends ServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    SettingsService settings;

    @Test
    void jane_sees_her_auto_loan_and_personal_loan() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThat(accounts.myAccounts()).extracting(AccountSummary::loanNumber).containsExactly("AUTO-100482", "PL-200731");
        AccountSummary auto = accounts.myAccounts().getFirst();
        assertThat(auto.info().title()).isEqualTo("2022 Honda Civic auto loan");
        assertThat(auto.info().collateralVin()).isEqualTo("2HGFE2F59NH512345");
        assertThat(auto.figures().status()).isEqualTo(LoanStatus.CURRENT);
        assertThat(auto.figures().asOf()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(auto.figures().principalBalance()).isBetween(new BigDecimal("15000.00"), new BigDecimal("24500.00"));
    }

    @Test
    void a_co_borrower_sees_the_shared_loan_and_a_paid_off_one() {
        SignIn.as(users, "sam.borrower@example.com");
        assertThat(accounts.myAccounts()).extracting(a -> a.loanNumber() + " " + a.figures().status() + " " + a.info().role())
                .containsExactly("AUTO-100482 CURRENT CO_BORROWER", "PL-100155 PAID_OFF BORROWER");
    }

    @Test
    void the_past_due_customer_sees_days_past_due_and_not_the_account_switched_off_for_the_web() {
        SignIn.as(users, "alex.latepay@example.com");
        assertThat(accounts.myAccounts()).extracting(AccountSummary::loanNumber).containsExactly("PL-200988", "AUTO-100517");
        AccountDetail late = accounts.detail("PL-200988");
        assertThat(late.figures().status()).isEqualTo(LoanStatus.PAST_DUE);
        assertThat(late.figures().daysPastDue()).isGreaterThan(60);
        assertThat(late.figures().feesDue()).isEqualByComparingTo("75.00");
        assertThatThrownBy(() -> accounts.detail("PL-100090")).isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void another_customers_loan_number_is_not_found_like_one_that_does_not_exist() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> accounts.detail("PL-200988")).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> accounts.detail("NO-SUCH-LOAN")).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> accounts.detail("../../etc/passwd")).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> accounts.historyCsv("PL-200988")).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> accounts.forecastCsv("PL-200988")).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> accounts.transactionsPdf("PL-200988")).isInstanceOf(AccountNotFoundException.class);
    }

    @Test
    void the_forecast_download_is_refused_when_the_lender_hides_the_forecast() {
        WebsiteSettings before = settings.current();
        SignIn.as(users, "admin@example.com");
        settings.update(new WebsiteSettings(before.lenderName(), before.supportPhone(), before.supportEmail(),
                before.primaryColor(), before.cutoffTime(), before.summaryFields(), before.transactionsEnabled(), false,
                before.showBalanceChart(), before.allowTransactionDownload(), before.documentsEnabled(),
                before.insuranceEnabled(), before.insuranceWarnDays()));
        try {
            SignIn.as(users, "jane.borrower@example.com");
            assertThatThrownBy(() -> accounts.forecastCsv("AUTO-100482")).isInstanceOf(AccessDeniedException.class);
            assertThat(new String(accounts.historyCsv("AUTO-100482"), StandardCharsets.UTF_8).lines())
                    .as("the history is still offered, every entry").hasSize(accounts.detail("AUTO-100482").history().size() + 1);
        } finally {
            SignIn.as(users, "admin@example.com");
            settings.update(before);
        }
    }

    @Test
    void loan_numbers_are_matched_case_insensitively() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThat(accounts.detail("auto-100482").info().loanNumber()).isEqualTo("AUTO-100482");
    }

    @Test
    void nobody_signed_in_is_refused() {
        assertThatThrownBy(() -> accounts.myAccounts()).isInstanceOfAny(AccessDeniedException.class,
                org.springframework.security.core.AuthenticationException.class);
    }

    @Test
    void staff_cannot_read_accounts_as_if_they_were_a_customer() {
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> accounts.detail("AUTO-100482")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_history_shows_the_returned_payment_reversed_and_the_forecast_ends_at_zero() {
        SignIn.as(users, "jane.borrower@example.com");
        AccountDetail auto = accounts.detail("AUTO-100482");
        assertThat(auto.history()).anySatisfy(row -> assertThat(row.reversed()).isTrue());
        assertThat(auto.forecast()).isNotEmpty();
        assertThat(auto.forecast().getLast().balanceAfter()).isEqualByComparingTo("0.00");
        assertThat(auto.figures().paymentsRemaining()).isEqualTo(auto.forecast().size());
    }

    @Test
    void the_history_csv_lists_every_entry() {
        SignIn.as(users, "jane.borrower@example.com");
        AccountDetail auto = accounts.detail("AUTO-100482");
        String csv = new String(accounts.historyCsv("AUTO-100482"), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(auto.history().size() + 1);
        assertThat(csv).startsWith("Date,Type,Description,Amount,Principal,Interest,Fees,Principal balance after,Status");
    }

    @Test
    void an_account_page_with_ten_years_of_history_costs_the_same_few_statements() {
        String loanNumber = TenYearBorrower.LONG_LOAN;
        SignIn.as(users, TenYearBorrower.EMAIL);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        accounts.detail(loanNumber);
        statistics.clear();
        AccountDetail detail = accounts.detail(loanNumber);
        assertThat(detail.history()).hasSize(121);
        assertThat(statistics.getPrepareStatementCount()).isBetween(1L, 5L);
        assertThat(detail.figures().paymentsMade()).isEqualTo(120);
        assertThat(detail.figures().status()).isEqualTo(LoanStatus.CURRENT);
    }

    @Test
    void an_account_page_costs_at_most_five_sql_statements_whatever_the_history_length() {
        SignIn.as(users, "jane.borrower@example.com");
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        accounts.detail("AUTO-100482");
        statistics.clear();
        AccountDetail detail = accounts.detail("AUTO-100482");
        long statements = statistics.getPrepareStatementCount();
        assertThat(detail.history()).hasSizeGreaterThan(15);
        assertThat(statements).isBetween(1L, 5L);

        statistics.clear();
        accounts.myAccounts();
        assertThat(statistics.getPrepareStatementCount()).isBetween(1L, 5L);
    }
}
