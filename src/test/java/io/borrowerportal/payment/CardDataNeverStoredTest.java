package io.borrowerportal.payment;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestMailServer;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a customer saves a card (and its CVV is used once) and pays with it, neither the card number nor
 * the CVV is anywhere: not in the database, the log, the receipt and payoff PDFs, or the emails.
 */
class CardDataNeverStoredTest extends ServiceTest {

    private static final String CARD = "4111 1111 1111 1111";
    /** Made when the test starts, so nothing in the log already holds it. */
    private final String cvv = SecretScan.unusedCvv(Path.of("target/test-logs/portal.log"));

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentService payments;
    @Autowired
    AccountService accounts;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void no_card_number_or_cvv_is_stored_logged_printed_or_mailed() throws Exception {
        SignIn.as(users, "jane.borrower@example.com");
        ProfileSummary card = profiles.addCard(new NewCardProfile("Scan test card", "Jane Borrower", CARD, 4,
                Year.now().getValue() + 2, cvv, "19801", false));
        assertThat(card.label()).isEqualTo("Visa •••• 1111");
        String key = payments.options("PL-200731").idempotencyKey();
        PaymentSummary paid = payments.submit(new PaymentRequest("PL-200731", PaymentType.CUSTOM,
                new BigDecimal("20.00"), card.id(), null, key));
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        byte[] receipt = payments.receiptPdf("PL-200731", paid.confirmationNumber());
        byte[] payoff = payments.payoffQuotePdf("PL-200731");
        byte[] statement = accounts.transactionsPdf("PL-200731");
        SignIn.out();
        String receiptMail = "Payment receipt: " + paid.confirmationNumber();
        awaitMail(receiptMail);

        SecretScan scan = new SecretScan(cvv)
                .database(jdbc)
                .pdf("receipt", receipt)
                .pdf("payoff quote", payoff)
                .pdf("statement", statement);
        Path log = Path.of("target/test-logs/portal.log");
        assertThat(log).exists();
        scan.file(log);
        List<String> mailed = new ArrayList<>();
        for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
            scan.text("mail " + message.getSubject(), message.getSubject() + "\n" + message.getContent());
            mailed.add(message.getSubject());
        }
        assertThat(scan.columnsScanned()).as("character columns scanned").isGreaterThan(20);
        assertThat(mailed).as("the payment receipt was mailed and scanned").contains(receiptMail);
        assertThat(Files.readString(log)).as("the log is the application's").contains("borrower-portal");
        assertThat(scan.findings()).isEmpty();
    }

    /**
     * Sends what the outbox holds until the mail with this subject has arrived, boundedly: mail other test classes
     * queued (an AutoPay run queues hundreds) goes out first.
     */
    private void awaitMail(String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (Arrays.stream(TestMailServer.server().getReceivedMessages()).noneMatch(m -> subjectIs(m, subject))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No mail '" + subject + "' after 2 minutes");
            }
            if (mailer.dispatchPending() == 0) {
                Thread.sleep(25);
            }
        }
    }

    private static boolean subjectIs(MimeMessage message, String subject) {
        try {
            return subject.equals(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
