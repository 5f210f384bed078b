package io.borrowerportal.payment;

import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Settlement: a bank debit completes when its settlement date comes without a return. */
class PaymentProcessingTest extends AchServiceTest {

    @Test
    void a_pending_payment_settles_when_its_settlement_date_comes() {
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ach-settle");
        long profile = bankProfile(b);
        Payment due = exported(b, profile, "27.00");
        Payment notYet = exported(b, profile, "28.00");
        // The test clock cannot move: bring one payment's settlement date to yesterday.
        jdbc.update("update payments set settles_on = ? where id = ?", TODAY.minusDays(1), due.id());

        assertThat(SystemTask.call(processing::settleDue)).isGreaterThanOrEqualTo(1);

        assertThat(stored(due.confirmationNumber()).status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(stored(notYet.confirmationNumber()).status()).isEqualTo(PaymentStatus.PENDING);
        // A settled bank payment can still be returned (PRODUCT.md: returns come after settlement too).
        assertThat(SystemTask.call(() -> returns.recordReturn(due.confirmationNumber(), "R10")).applied()).hasSize(1);
    }
}
