package io.borrowerportal.payment;

import io.borrowerportal.SignIn;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.payment.ach.NachaFile;
import io.borrowerportal.payment.ach.NachaReader;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The day's NACHA file: what goes into it, once, and who may write it. */
class AchExportTest extends AchServiceTest {

    @Test
    void the_export_writes_every_pending_bank_debit_to_a_nacha_file_once() throws IOException {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-export");
        long profile = bankProfile(b);
        PaymentSummary first = bankPayment(b, profile, "61.00");
        PaymentSummary second = bankPayment(b, profile, "39.25");

        AchFileSummary summary = SystemTask.call(export::exportPending).orElseThrow();

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

        assertThat(SystemTask.call(export::exportPending)).as("nothing is pending any more").isEmpty();
    }

    @Test
    void staff_may_export_and_a_customer_may_not() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-staff");
        PaymentSummary paid = bankPayment(b, bankProfile(b), "19.00");
        SignIn.as(users, "staff@example.com");
        AchFileSummary file = export.exportPending().orElseThrow();
        assertThat(file.createdBy()).isEqualTo("staff@example.com");
        assertThat(stored(paid.confirmationNumber()).achFileId()).isEqualTo(file.id());
        assertThat(export.recentFiles()).as("newest first").first()
                .satisfies(f -> assertThat(f.id()).isEqualTo(file.id()));

        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> export.exportPending()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> returns.importReturns("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> returns.recordReturn("PAY-X", "R01")).isInstanceOf(AccessDeniedException.class);
        SignIn.out();
        assertThatThrownBy(() -> processing.settleDue()).isInstanceOfAny(AccessDeniedException.class,
                org.springframework.security.core.AuthenticationException.class);
    }
}
