package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.payment.PaymentOptions;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.PaymentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While a loan's balance is under review (decision 032) a payment is still taken, of an amount the customer types;
 * amount due, payoff and principal only, and the payoff quote letter, quote the balance and are not offered.
 */
class PaymentUnderReviewViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    BalanceReviews reviews;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void release() {
        SystemTask.call(() -> reviews.release(accountId()));
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void only_a_custom_amount_is_offered_and_the_payoff_is_not_quoted() {
        PaymentOptions before = payments.options(LOAN);
        assertThat(before.types()).contains(PaymentType.PAYOFF, PaymentType.CUSTOM);
        assertThat(before.balanceUnderReview()).isFalse();

        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);
        assertThat($(Component.class).withId("payoff-quote").exists()).as("the payoff quote is offered").isTrue();
        SystemTask.call(() -> reviews.hold(accountId()));
        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);
        assertThat($(Component.class).withId("payoff-quote").exists()).as("no payoff quote under review").isFalse();

        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        assertThat($(Div.class).id("payment-balance-review").getText()).startsWith("Your balance is being updated");
        assertThat($(Component.class).withId("pay-type-custom").exists()).isTrue();
        assertThat($(Component.class).withId("pay-type-payoff").exists()).isFalse();
        assertThat($(Component.class).withId("pay-type-amount-due").exists()).isFalse();

        PaymentOptions options = payments.options(LOAN);
        assertThat(options.types()).containsExactly(PaymentType.CUSTOM);
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Under review");
        assertThatThrownBy(() -> payments.quote(new PaymentRequest(LOAN, PaymentType.PAYOFF, null, card.id(),
                options.earliestDate(), options.idempotencyKey())))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("Your balance is being updated");
        assertThat(payments.quote(new PaymentRequest(LOAN, PaymentType.CUSTOM, new BigDecimal("25.00"), card.id(),
                options.earliestDate(), options.idempotencyKey())).amount()).isEqualByComparingTo("25.00");
        assertThatThrownBy(() -> payments.payoffQuotePdf(LOAN)).isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("Your balance is being updated");
    }

    private long accountId() {
        return jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class, LOAN);
    }
}
