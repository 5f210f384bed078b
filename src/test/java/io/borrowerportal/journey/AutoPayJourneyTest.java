package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.autopay.AutoPayOperations;
import io.borrowerportal.autopay.AutoPayQueries;
import io.borrowerportal.autopay.AutoPayStatus;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jane schedules a monthly AutoPay in a real Chromium through the wizard's four steps with her checking
 * account, sees it listed with its next date, and on that date (the business clock moved to it, as
 * {@code --portal.today} would) the AutoPay run makes the payment, which shows pending on her Payments tab.
 */
@PortalJourneyTest
class AutoPayJourneyTest {

    static final String JANE = "jane.borrower@example.com";
    static final String LOAN = "PL-200731";
    /** Her personal loan falls due on the 20th: December 20, 2026 is a Sunday, so the money moves on Monday. */
    static final LocalDate RUN_DATE = LocalDate.of(2026, 12, 21);

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    AutoPayQueries autopays;
    @Autowired
    AutoPayOperations operations;
    @Autowired
    PaymentService payments;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void backToTheTestDate() {
        clock.reset();
        SignIn.out();
    }

    @Test
    void jane_schedules_a_monthly_autopay_and_on_its_date_the_payment_is_made_and_pending(Browser browser) {
        String base = "http://localhost:" + port;
        new LoginPage(browser, base).open().loginAs(JANE, CustomerJourneyTest.PASSWORD);

        AutoPayPage autopay = new AutoPayPage(browser, base, LOAN).openTab().startWizard();
        browser.screenshot("1-method");
        AccessibilityJourneyTest.assertAccessible(browser, "autopay-wizard-method");
        autopay.payWith("•••• 6789");
        browser.screenshot("2-frequency-amount");
        autopay.howOftenAndHowMuch("Monthly", "Scheduled payment amount");
        browser.screenshot("3-dates");
        assertThat(autopay.keepProposedStartDate()).isEqualTo("12/20/2026");
        String review = autopay.review();
        assertThat(review).contains("Checking •••• 6789", "Monthly on the 20th",
                "Dec 21, 2026 (due Dec 20, 2026, not a business day)");
        browser.screenshot("4-review");
        AccessibilityJourneyTest.assertAccessible(browser, "autopay-wizard-review");
        autopay.acceptAndFinish();

        AutoPaySummary scheduled = autopay(JANE);
        assertThat(scheduled.status()).isEqualTo(AutoPayStatus.ACTIVE);
        assertThat(autopay.card(scheduled.reference())).contains("Monday, Dec 21, 2026", "Checking •••• 6789", "Active");
        browser.screenshot("5-listed");
        AccessibilityJourneyTest.assertAccessible(browser, "autopay-tab");
        assertThat(jdbc.queryForObject("select authorized_from from autopays where reference = ?", String.class,
                scheduled.reference())).as("the browser's address is kept with the authorization")
                .isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

        // The AutoPay date comes: the portal runs as of December 21 and the daily job runs.
        clock.moveTo(RUN_DATE);
        SystemTask.call(() -> operations.run(RUN_DATE));
        // This AutoPay's own record: the run's totals count every AutoPay due in the shared database.
        assertThat(jdbc.queryForList("select r.outcome from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference = ?", String.class, scheduled.reference())).containsExactly("PAID");

        browser.open(base + "/accounts/" + LOAN + "/payments");
        PaymentSummary made = payment(scheduled.reference());
        assertThat(made.status()).isEqualTo(PaymentStatus.PENDING);
        String card = browser.visible(By.id("payment-" + made.confirmationNumber())).getText();
        assertThat(card).contains("Pending", "AutoPay " + scheduled.reference(), "Checking •••• 6789");
        browser.screenshot("6-payment-pending");
        browser.open(base + "/accounts/" + LOAN + "/autopay");
        assertThat(autopay.card(scheduled.reference())).contains("1 (until paid off)", "Jan 20, 2027");
        browser.screenshot("7-next-date");
    }

    private AutoPaySummary autopay(String email) {
        SignIn.as(users, email);
        try {
            return autopays.autopays(LOAN).stream().filter(AutoPaySummary::mine)
                    .filter(a -> a.status() == AutoPayStatus.ACTIVE).findFirst().orElseThrow();
        } finally {
            SignIn.out();
        }
    }

    private PaymentSummary payment(String reference) {
        SignIn.as(users, JANE);
        try {
            return payments.payments(LOAN).stream().filter(p -> ("AutoPay " + reference).equals(p.madeBy()))
                    .findFirst().orElseThrow();
        } finally {
            SignIn.out();
        }
    }
}
