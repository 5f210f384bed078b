package io.borrowerportal.payment;

import com.icegreen.greenmail.util.GreenMail;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestMailServer;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static io.borrowerportal.payment.PaymentFixtures.custom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bank's returns, from a file or recorded by hand: each reverses its payment, once. */
class AchReturnsTest extends AchServiceTest {

    @Autowired
    SettingsService settings;
    @Autowired
    Mailer mailer;

    private final GreenMail smtp = TestMailServer.server();

    @Test
    void an_r01_return_reverses_the_payment_charges_the_nsf_fee_and_tells_the_payer_once() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-r01");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "88.00");
        BigDecimal nsf = settings.payments().nsfFee();
        assertThat(nsf).isPositive();
        String file = "trace,code\n" + payment.traceNumber() + ",R01\n";

        ReturnImportResult result = SystemTask.call(() -> returns.importReturns(file));

        assertThat(result.applied()).singleElement().asString().contains(payment.confirmationNumber()).contains("R01");
        assertThat(result.skipped()).isEmpty();
        Payment returned = stored(payment.confirmationNumber());
        assertThat(returned.status()).isEqualTo(PaymentStatus.RETURNED);
        assertThat(returned.returnCode()).isEqualTo("R01");
        assertThat(returned.statusReason()).contains("Insufficient funds");
        List<LedgerEntry> ledger = ledger(b);
        assertThat(ledger).filteredOn(e -> e.type() == EntryType.REVERSAL).singleElement().satisfies(reversal -> {
            assertThat(reversal.reversesId()).isEqualTo(payment.ledgerEntryId());
            assertThat(reversal.amount()).isEqualByComparingTo("-88.00");
        });
        assertThat(ledger).filteredOn(e -> e.type() == EntryType.PAYMENT && e.id() == payment.ledgerEntryId())
                .as("a reversal never deletes").hasSize(1);
        assertThat(ledger).filteredOn(e -> e.type() == EntryType.FEE).singleElement().satisfies(fee -> {
            assertThat(fee.amount()).isEqualByComparingTo(nsf);
            assertThat(fee.description()).contains(payment.confirmationNumber());
        });
        SignIn.as(users, b.email());
        assertThat(service.payment(b.loanNumber(), payment.confirmationNumber()).statusReason()).contains("R01");
        SignIn.out();

        List<MimeMessage> mail = awaitMail(b.email(), "Payment returned");
        assertThat(mail).hasSize(1);

        ReturnImportResult again = SystemTask.call(() -> returns.importReturns(file));
        assertThat(again.applied()).isEmpty();
        assertThat(again.skipped()).singleElement().asString().contains("already returned");
        assertThat(ledger(b)).filteredOn(e -> e.type() == EntryType.FEE).hasSize(1);
    }

    @Test
    void an_r07_return_makes_the_bank_profile_unusable() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-r07");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "45.00");

        ReturnImportResult result = SystemTask.call(() -> returns.importReturns(payment.traceNumber() + ",R07"));

        assertThat(result.applied()).hasSize(1);
        SignIn.as(users, b.email());
        ProfileSummary disabled = profiles.myProfiles().stream().filter(p -> p.id() == profile).findFirst().orElseThrow();
        assertThat(disabled.usable()).isFalse();
        assertThat(disabled.statusReason()).contains("returned");
        assertThatThrownBy(() -> service.submit(custom(b.loanNumber(), "20.00", profile)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("can no longer be used");
        assertThat(service.options(b.loanNumber()).profiles()).extracting(ProfileSummary::id).doesNotContain(profile);
    }

    @Test
    void a_pending_debit_to_an_account_the_bank_then_closed_is_not_sent_but_reversed() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-void");
        long profile = bankProfile(b);
        Payment first = exported(b, profile, "40.00");
        PaymentSummary waiting = bankPayment(b, profile, "35.00");

        SystemTask.call(() -> returns.importReturns(first.traceNumber() + ",R02"));
        SystemTask.call(export::exportPending);

        Payment voided = stored(waiting.confirmationNumber());
        assertThat(voided.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(voided.traceNumber()).as("never sent to the bank").isNull();
        assertThat(voided.statusReason()).contains("Not sent");
        assertThat(ledger(b)).filteredOn(e -> e.type() == EntryType.REVERSAL)
                .extracting(LedgerEntry::reversesId).contains(voided.ledgerEntryId());
        assertThat(ledger(b)).as("R02 charges the NSF fee once, the voided debit none")
                .filteredOn(e -> e.type() == EntryType.FEE).hasSize(1);
    }

    @Test
    void a_return_caused_by_the_lender_charges_no_nsf_fee() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-r24");
        Payment payment = exported(b, bankProfile(b), "30.00");

        SystemTask.call(() -> returns.importReturns(payment.traceNumber() + ",R24"));

        assertThat(stored(payment.confirmationNumber()).status()).isEqualTo(PaymentStatus.RETURNED);
        assertThat(ledger(b)).filteredOn(e -> e.type() == EntryType.FEE).isEmpty();
    }

    @Test
    void a_return_recorded_by_hand_by_confirmation_number() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-by-hand");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "52.00");
        SignIn.as(users, "staff@example.com");

        ReturnImportResult result = returns.recordReturn(" " + payment.confirmationNumber().toLowerCase() + " ", "r08");

        assertThat(result.applied()).hasSize(1);
        assertThat(stored(payment.confirmationNumber()).status()).isEqualTo(PaymentStatus.RETURNED);
        assertThat(stored(payment.confirmationNumber()).returnCode()).isEqualTo("R08");
        assertThat(returns.recordReturn(payment.confirmationNumber(), "R08").skipped()).singleElement().asString()
                .contains("already returned");
        assertThatThrownBy(() -> returns.recordReturn(payment.confirmationNumber(), "R99"))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("return reason code");
        assertThatThrownBy(() -> returns.recordReturn("PAY-NOSUCH00", "R01"))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("No payment has confirmation number");
    }

    @Test
    void a_card_payment_cannot_be_returned() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-card");
        SignIn.as(users, b.email());
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        PaymentSummary paid = service.submit(custom(b.loanNumber(), "20.00", card));
        SignIn.as(users, "staff@example.com");
        assertThat(returns.recordReturn(paid.confirmationNumber(), "R01").skipped()).singleElement().asString()
                .contains("card payment");
        assertThat(stored(paid.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_malformed_returns_file_is_refused_whole_naming_the_line() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-malformed");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "33.00");
        String file = payment.traceNumber() + ",R01\n12345,R01\n";

        assertThatThrownBy(() -> SystemTask.call(() -> returns.importReturns(file)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("Line 2");
        assertThat(stored(payment.confirmationNumber()).status()).as("the good line is not applied either")
                .isEqualTo(PaymentStatus.PENDING);
        assertThatThrownBy(() -> SystemTask.call(() -> returns.importReturns(payment.traceNumber() + ",R77")))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("Line 1");
    }

    /**
     * Sends what the outbox holds and waits, boundedly, for mail to this recipient with this subject. The bound is
     * generous: the outbox sends oldest first, one message at a time over SMTP, and a class run just before this one
     * (the AutoPay runs) can leave a thousand or more messages ahead of ours.
     */
    private List<MimeMessage> awaitMail(String to, String subject) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            SystemTask.run(mailer::dispatchPending);
            List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return m.getSubject().startsWith(subject) && m.getRecipients(Message.RecipientType.TO) != null
                            && Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            if (!found.isEmpty() || System.currentTimeMillis() > deadline) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }
}
