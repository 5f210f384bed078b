package io.borrowerportal.autopay;

import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.notification.OutboxMessage;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AutoPay while a loan's balance is under review (decisions 032, 035): a new or changed AutoPay pays a fixed
 * amount only, and neither the wizard's options nor a reminder email quote a figure from the balance. An AutoPay
 * already set up keeps paying its instruction.
 */
class AutoPayUnderReviewTest extends AutoPayTestSupport {

    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    @Autowired
    BalanceReviews balanceReviews;

    private final List<String> held = new ArrayList<>();

    private void hold(String loan) {
        held.add(loan);
        assertThat(SystemTask.call(() -> balanceReviews.hold(accountId(loan)))).isTrue();
    }

    @AfterEach
    void release() {
        held.forEach(loan -> SystemTask.call(() -> balanceReviews.release(accountId(loan))));
    }

    private long accountId(String loan) {
        return jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class, loan);
    }

    private static AutoPayTerms scheduledPayment(long profile) {
        return new AutoPayTerms(profile, AutoPayFrequency.MONTHLY, AutoPayAmountType.SCHEDULED_PAYMENT, null, CHRISTMAS,
                null, false, true);
    }

    @Test
    void under_review_only_a_fixed_amount_is_offered_and_accepted_and_no_figure_from_the_balance_is_quoted() {
        Customer c = signedIn("review-terms");
        AutoPayOptions before = reviews.options(c.loan());
        assertThat(before.balanceUnderReview()).isFalse();
        assertThat(before.amountTypes()).contains(AutoPayAmountType.SCHEDULED_PAYMENT, AutoPayAmountType.FIXED);
        assertThat(before.payoffAmount()).isNotNull();
        hold(c.loan());

        AutoPayOptions options = reviews.options(c.loan());
        assertThat(options.balanceUnderReview()).isTrue();
        assertThat(options.amountTypes()).containsExactly(AutoPayAmountType.FIXED);
        assertThat(options.amountDue()).isNull();
        assertThat(options.payoffAmount()).isNull();
        assertThat(options.scheduledPayment()).isNull();
        assertThat(options.refusal()).isNull();

        assertThatThrownBy(() -> reviews.review(c.loan(), null, scheduledPayment(c.bankProfile())))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("Your balance is being updated");
        assertThatThrownBy(() -> service.schedule(c.loan(), scheduledPayment(c.bankProfile()), "I agree", CLIENT))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("fixed amount only");
        assertThat(queries.autopays(c.loan())).isEmpty();

        AutoPaySummary fixed = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "80.00", CHRISTMAS));
        assertThat(fixed.status()).isEqualTo(AutoPayStatus.ACTIVE);
    }

    @Test
    void the_reminder_of_an_autopay_paying_a_figure_from_the_balance_quotes_no_amount_under_review() {
        Customer c = signedIn("review-remind");
        AutoPaySummary autopay = schedule(c.loan(), scheduledPayment(c.bankProfile()));
        hold(c.loan());

        clock.moveTo(CHRISTMAS);
        SystemTask.call(operations::sendReminders);

        List<OutboxMessage> reminders = mailTo(c.borrower().email()).stream()
                .filter(m -> m.subject().startsWith("AutoPay reminder")).toList();
        assertThat(reminders).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("Your balance is being updated", c.loan(), autopay.method(),
                    "scheduled payment amount as the loan stands that day");
            assertThat(m.body()).doesNotContainPattern("\\$\\s?\\d");
        });
    }
}
