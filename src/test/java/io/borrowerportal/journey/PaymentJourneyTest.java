package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import io.borrowerportal.TestMailServer;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.SecretScan;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jane pays in a real Chromium: $50 with her saved card, a declined card that leaves the balance alone,
 * a bank account refused for its routing number, then a good one that pays and is pending.
 */
@PortalJourneyTest
class PaymentJourneyTest {

    static final String JANE = "jane.borrower@example.com";
    static final String LOAN = "PL-200731";
    /** Made when the test starts, so nothing in the log already holds it. */
    private final String cvv = SecretScan.unusedCvv(Path.of("target/test-logs/portal.log"));

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOutTestThread() {
        SignIn.out();
    }

    @Test
    void jane_pays_by_card_sees_a_decline_and_pays_by_bank(Browser browser) throws Exception {
        String base = "http://localhost:" + port;
        new LoginPage(browser, base).open().loginAs(JANE, CustomerJourneyTest.PASSWORD);

        // $50 with the saved Visa: a receipt with a confirmation number.
        PaymentPage pay = new PaymentPage(browser, base, LOAN).openFromSummary().customAmount("50.00").method("•••• 4242").review();
        assertThat(pay.reviewTotal()).contains("$50.00");
        browser.screenshot("1-review");
        String confirmation = pay.confirmAndWaitForReceipt();
        assertThat(confirmation).matches("PAY-[A-Z0-9]{8}");
        assertThat(pay.receiptStatus()).containsIgnoringCase("completed");
        browser.screenshot("2-receipt");
        assertThat(payment(confirmation).status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment(confirmation).amount()).isEqualByComparingTo("50.00");

        // "Credit/Debit Card Payment" on the Payments tab: cards only, and a card entered for this payment alone
        // pays without joining the saved methods.
        int onFileBefore = onFile();
        pay = new PaymentPage(browser, base, LOAN).openFromPaymentsTab("pay-by-card").customAmount("15.00");
        assertThat(pay.methodLabels()).isNotEmpty().noneMatch(label -> label.contains("Checking") || label.contains("Savings"));
        pay.addCard("Jane Borrower", "5555 5555 5555 4444", cvv, "19801");
        assertThat(pay.methodLabels()).anyMatch(label -> label.equals("Mastercard •••• 4444 · This payment only"));
        String oneTime = pay.review().confirmAndWaitForReceipt();
        assertThat(pay.receiptStatus()).containsIgnoringCase("completed");
        browser.screenshot("2b-one-time-card-receipt");
        assertThat(payment(oneTime).method()).isEqualTo("Mastercard •••• 4444");
        assertThat(onFile()).as("not saved").isEqualTo(onFileBefore);

        // A card the issuer declines: the customer is told why, and the balance does not move.
        BigDecimal balanceBefore = principalBalance();
        pay = new PaymentPage(browser, base, LOAN).openFromSummary().customAmount("25.00")
                .addCard("Jane Borrower", "4000 0000 0000 0002", cvv, "19801").review();
        String decline = pay.confirmExpectingError();
        assertThat(decline).contains("declined");
        browser.screenshot("3-declined");
        assertThat(principalBalance()).isEqualByComparingTo(balanceBefore);

        // A bank account whose routing number fails its check digit is refused on that field.
        pay = new PaymentPage(browser, base, LOAN).openFromSummary().customAmount("40.00")
                .fillBank("Jane Borrower", "123456789", "987654321000");
        assertThat(pay.fieldError("bank-routing")).contains("check digit");
        browser.screenshot("4-routing-refused");

        // The right routing number: entered for this payment, chosen, paid, and pending until the debit settles.
        pay.fillBank("Jane Borrower", "021000021", "987654321000");
        assertThat(pay.bankDialogClosed()).isTrue();
        String bankConfirmation = pay.method("•••• 1000").review().confirmAndWaitForReceipt();
        assertThat(pay.receiptStatus()).containsIgnoringCase("pending");
        browser.screenshot("5-bank-pending");
        assertThat(payment(bankConfirmation).status()).isEqualTo(PaymentStatus.PENDING);

        // Afterwards the card numbers and the CVV typed above are nowhere: database, log, receipts, emails.
        mailer.dispatchPending();
        SignIn.as(users, JANE);
        byte[] receipt = payments.receiptPdf(LOAN, confirmation);
        byte[] payoff = payments.payoffQuotePdf(LOAN);
        SignIn.out();
        SecretScan scan = new SecretScan(cvv).database(jdbc).pdf("receipt", receipt).pdf("payoff quote", payoff)
                .file(Path.of("target/test-logs/portal.log"));
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            scan.text("mail " + message.getSubject(), message.getSubject() + "\n" + message.getContent());
        }
        assertThat(scan.columnsScanned()).isGreaterThan(20);
        assertThat(scan.findings()).isEmpty();
    }

    private PaymentSummary payment(String confirmation) {
        SignIn.as(users, JANE);
        try {
            return payments.payment(LOAN, confirmation);
        } finally {
            SignIn.out();
        }
    }

    private int onFile() {
        SignIn.as(users, JANE);
        try {
            return profiles.myProfiles().size();
        } finally {
            SignIn.out();
        }
    }

    private BigDecimal principalBalance() {
        SignIn.as(users, JANE);
        try {
            return accounts.detail(LOAN).figures().principalBalance();
        } finally {
            SignIn.out();
        }
    }
}
