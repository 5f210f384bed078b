package io.borrowerportal.payment;

import com.icegreen.greenmail.util.GreenMail;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestMailServer;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.payment.ach.NachaFile;
import io.borrowerportal.payment.ach.NachaReader;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.borrowerportal.payment.PaymentFixtures.custom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lender's payment operations on fresh borrowers: the NACHA export, returns (file and by hand) and
 * settlement. Tests share the database, so an export may also carry other tests' pending payments; the
 * assertions check the file against itself and find this test's payments in it by confirmation number.
 */
class AchOperationsTest extends ServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    @Autowired
    AchOperations ach;
    @Autowired
    AchProperties properties;
    @Autowired
    PaymentService service;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentRepository repository;
    @Autowired
    AccountService accounts;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    SettingsService settings;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;

    private final GreenMail smtp = TestMailServer.server();

    /** Pays from a new bank profile; after the cut-off its money would move tomorrow, so it is moved to today. */
    private PaymentSummary bankPayment(Borrower b, long profile, String amount) {
        SignIn.as(users, b.email());
        PaymentSummary paid = service.submit(custom(b.loanNumber(), amount, profile));
        assertThat(paid.status()).isEqualTo(PaymentStatus.PENDING);
        jdbc.update("update payments set process_date = ? where confirmation_number = ?", TODAY, paid.confirmationNumber());
        SignIn.out();
        return paid;
    }

    private long bankProfile(Borrower b) {
        SignIn.as(users, b.email());
        long id = profiles.addBank(PaymentFixtures.bank()).id();
        SignIn.out();
        return id;
    }

    private Payment stored(String confirmation) {
        return repository.findByConfirmationNumber(confirmation).orElseThrow();
    }

    private List<LedgerEntry> ledger(Borrower b) {
        SignIn.as(users, b.email());
        try {
            return accounts.detail(b.loanNumber()).history().stream().map(HistoryRow::entry).toList();
        } finally {
            SignIn.out();
        }
    }

    private Payment exported(Borrower b, long profile, String amount) {
        PaymentSummary paid = bankPayment(b, profile, amount);
        assertThat(SystemTask.call(ach::exportPending)).isPresent();
        Payment payment = stored(paid.confirmationNumber());
        assertThat(payment.traceNumber()).isNotNull();
        return payment;
    }

    @Test
    void the_export_writes_every_pending_bank_debit_to_a_nacha_file_once() throws IOException {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-export");
        long profile = bankProfile(b);
        PaymentSummary first = bankPayment(b, profile, "61.00");
        PaymentSummary second = bankPayment(b, profile, "39.25");

        AchFileSummary summary = SystemTask.call(ach::exportPending).orElseThrow();

        Path file = Path.of(properties.outboxDir()).resolve(summary.fileName());
        assertThat(file).exists();
        NachaFile nacha = NachaReader.read(Files.readString(file, StandardCharsets.US_ASCII));
        assertThat(nacha.entries()).hasSize(summary.entryCount());
        assertThat(nacha.control().totalDebit()).isEqualByComparingTo(summary.totalDebit());
        assertThat(nacha.entries().stream().map(NachaFile.Entry::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(summary.totalDebit());
        assertThat(nacha.entries()).allSatisfy(e -> assertThat(e.isDebit()).isTrue());
        assertThat(nacha.header().creationDate()).isEqualTo(TODAY);
        Map<String, NachaFile.Entry> byConfirmation = nacha.entries().stream()
                .collect(Collectors.toMap(NachaFile.Entry::individualId, Function.identity()));
        for (PaymentSummary paid : List.of(first, second)) {
            NachaFile.Entry entry = byConfirmation.get(paid.confirmationNumber());
            assertThat(entry).as(paid.confirmationNumber()).isNotNull();
            assertThat(entry.amount()).isEqualByComparingTo(paid.total());
            assertThat(entry.routingNumber()).isEqualTo(PaymentFixtures.ROUTING);
            assertThat(entry.accountNumber()).isEqualTo(PaymentFixtures.ACCOUNT);
            Payment payment = stored(paid.confirmationNumber());
            assertThat(payment.traceNumber()).isEqualTo(entry.traceNumber());
            assertThat(payment.achFileId()).isEqualTo(summary.id());
            assertThat(payment.settlesOn()).isAfter(TODAY);
            assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        }
        // Every row the database marked sent with this file is in it, and nothing else.
        List<Map<String, Object>> marked = jdbc.queryForList(
                "select confirmation_number, amount + convenience_fee as total from payments where ach_file_id = ?", summary.id());
        assertThat(marked).hasSize(summary.entryCount());
        assertThat(marked).extracting(row -> (String) row.get("confirmation_number"))
                .containsExactlyInAnyOrderElementsOf(byConfirmation.keySet());

        assertThat(SystemTask.call(ach::exportPending)).as("nothing is pending any more").isEmpty();
    }

    @Test
    void an_r01_return_reverses_the_payment_charges_the_nsf_fee_and_tells_the_payer_once() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-r01");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "88.00");
        BigDecimal nsf = settings.payments().nsfFee();
        assertThat(nsf).isPositive();
        String file = "trace,code\n" + payment.traceNumber() + ",R01\n";

        ReturnImportResult result = SystemTask.call(() -> ach.importReturns(file));

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

        ReturnImportResult again = SystemTask.call(() -> ach.importReturns(file));
        assertThat(again.applied()).isEmpty();
        assertThat(again.skipped()).singleElement().asString().contains("already returned");
        assertThat(ledger(b)).filteredOn(e -> e.type() == EntryType.FEE).hasSize(1);
    }

    @Test
    void an_r07_return_makes_the_bank_profile_unusable() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-r07");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "45.00");

        ReturnImportResult result = SystemTask.call(() -> ach.importReturns(payment.traceNumber() + ",R07"));

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

        SystemTask.call(() -> ach.importReturns(first.traceNumber() + ",R02"));
        SystemTask.call(ach::exportPending);

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

        SystemTask.call(() -> ach.importReturns(payment.traceNumber() + ",R24"));

        assertThat(stored(payment.confirmationNumber()).status()).isEqualTo(PaymentStatus.RETURNED);
        assertThat(ledger(b)).filteredOn(e -> e.type() == EntryType.FEE).isEmpty();
    }

    @Test
    void a_return_recorded_by_hand_by_confirmation_number() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-by-hand");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "52.00");
        SignIn.as(users, "staff@example.com");

        ReturnImportResult result = ach.recordReturn(" " + payment.confirmationNumber().toLowerCase() + " ", "r08");

        assertThat(result.applied()).hasSize(1);
        assertThat(stored(payment.confirmationNumber()).status()).isEqualTo(PaymentStatus.RETURNED);
        assertThat(stored(payment.confirmationNumber()).returnCode()).isEqualTo("R08");
        assertThat(ach.recordReturn(payment.confirmationNumber(), "R08").skipped()).singleElement().asString()
                .contains("already returned");
        assertThatThrownBy(() -> ach.recordReturn(payment.confirmationNumber(), "R99"))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("return reason code");
        assertThatThrownBy(() -> ach.recordReturn("PAY-NOSUCH00", "R01"))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("No payment has confirmation number");
    }

    @Test
    void a_card_payment_cannot_be_returned() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-card");
        SignIn.as(users, b.email());
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        PaymentSummary paid = service.submit(custom(b.loanNumber(), "20.00", card));
        SignIn.as(users, "staff@example.com");
        assertThat(ach.recordReturn(paid.confirmationNumber(), "R01").skipped()).singleElement().asString()
                .contains("card payment");
        assertThat(stored(paid.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void a_malformed_returns_file_is_refused_whole_naming_the_line() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-malformed");
        long profile = bankProfile(b);
        Payment payment = exported(b, profile, "33.00");
        String file = payment.traceNumber() + ",R01\n12345,R01\n";

        assertThatThrownBy(() -> SystemTask.call(() -> ach.importReturns(file)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("Line 2");
        assertThat(stored(payment.confirmationNumber()).status()).as("the good line is not applied either")
                .isEqualTo(PaymentStatus.PENDING);
        assertThatThrownBy(() -> SystemTask.call(() -> ach.importReturns(payment.traceNumber() + ",R77")))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("Line 1");
    }

    @Test
    void a_pending_payment_settles_when_its_settlement_date_comes() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-settle");
        long profile = bankProfile(b);
        Payment due = exported(b, profile, "27.00");
        Payment notYet = exported(b, profile, "28.00");
        // The test clock cannot move: bring one payment's settlement date to yesterday.
        jdbc.update("update payments set settles_on = ? where id = ?", TODAY.minusDays(1), due.id());

        assertThat(SystemTask.call(ach::settleDue)).isGreaterThanOrEqualTo(1);

        assertThat(stored(due.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(stored(notYet.confirmationNumber()).status()).isEqualTo(PaymentStatus.PENDING);
        // A settled bank payment can still be returned (a bank may return a debit after it settled).
        assertThat(SystemTask.call(() -> ach.recordReturn(due.confirmationNumber(), "R10")).applied()).hasSize(1);
    }

    @Test
    void staff_may_export_and_a_customer_may_not() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-staff");
        PaymentSummary paid = bankPayment(b, bankProfile(b), "19.00");
        SignIn.as(users, "staff@example.com");
        AchFileSummary file = ach.exportPending().orElseThrow();
        assertThat(file.createdBy()).isEqualTo("staff@example.com");
        assertThat(stored(paid.confirmationNumber()).achFileId()).isEqualTo(file.id());
        assertThat(ach.recentFiles()).as("newest first").first()
                .satisfies(f -> assertThat(f.id()).isEqualTo(file.id()));

        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> ach.exportPending()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ach.importReturns("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ach.recordReturn("PAY-X", "R01")).isInstanceOf(AccessDeniedException.class);
        SignIn.out();
        assertThatThrownBy(() -> ach.settleDue()).isInstanceOfAny(AccessDeniedException.class,
                org.springframework.security.core.AuthenticationException.class);
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
