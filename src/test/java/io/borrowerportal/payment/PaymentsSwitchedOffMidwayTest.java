package io.borrowerportal.payment;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A customer in the middle of Make a Payment when the lender changes the payment settings (issue #12, decision
 * 025): the form was opened and a method chosen while payments were on; the review and the submit are refused by
 * the service with a message for the customer, and no payment is made.
 */
class PaymentsSwitchedOffMidwayTest extends ServiceTest {

    @Autowired
    PaymentService service;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    SettingsService settings;

    private PaymentSettings before;
    private Borrower borrower;
    private long card;
    private PaymentRequest request;

    @BeforeEach
    void openThePaymentForm() {
        before = settings.payments();
        borrower = PaymentFixtures.borrower(customers, servicing, "midway");
        SignIn.as(users, borrower.email());
        card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        PaymentOptions options = service.options(borrower.loanNumber());
        assertThat(options.refusal()).isNull();
        request = new PaymentRequest(borrower.loanNumber(), io.borrowerportal.settings.PaymentType.CUSTOM,
                new java.math.BigDecimal("40.00"), card, null, options.idempotencyKey());
        assertThat(service.quote(request).total()).isEqualByComparingTo("40.00");
    }

    @AfterEach
    void restoreSettings() {
        change(before);
    }

    @Test
    void payments_switched_off_after_the_form_opened_refuse_the_review_and_the_payment() {
        change(before.withEnabled(false, before.profilesEnabled()));

        assertThatThrownBy(() -> service.quote(request)).isInstanceOf(PaymentRefusedException.class)
                .hasMessage("Online payments are turned off. Call the lender to pay.");
        assertThatThrownBy(() -> service.submit(request)).isInstanceOf(PaymentRefusedException.class)
                .hasMessage("Online payments are turned off. Call the lender to pay.");
        assertThat(service.payments(borrower.loanNumber())).isEmpty();
        // The form, opened again, says so instead of offering the wizard.
        assertThat(service.options(borrower.loanNumber()).refusal()).startsWith("Online payments are turned off. Call ");

        change(before);
        PaymentSummary paid = service.submit(request);
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void the_chosen_channel_no_longer_taken_is_refused_on_the_method() {
        change(before.withChannels(false, true));

        assertThatThrownBy(() -> service.quote(request)).isInstanceOf(PaymentRefusedException.class)
                .hasMessage("The lender does not accept card payments online. Choose a bank account.")
                .extracting(e -> ((PaymentRefusedException) e).field()).isEqualTo("profile");
        assertThatThrownBy(() -> service.submit(request)).isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("does not accept card payments");
        assertThat(service.payments(borrower.loanNumber())).isEmpty();
    }

    @Test
    void payment_profiles_and_payments_switched_off_refuse_saving_a_method() {
        change(before.withEnabled(false, false));

        assertThatThrownBy(() -> profiles.addCard(PaymentFixtures.card("4242424242424242")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> profiles.cardForOnePayment(PaymentFixtures.card("4242424242424242")))
                .isInstanceOf(ProfileRefusedException.class).hasMessage("The lender does not accept credit/debit card payments online.");
        assertThatThrownBy(() -> service.submit(request)).isInstanceOf(PaymentRefusedException.class);
    }

    private void change(PaymentSettings to) {
        var own = org.springframework.security.core.context.SecurityContextHolder.getContext();
        SignIn.as(users, "admin@example.com");
        try {
            settings.updatePayments(to);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(own);
        }
    }
}
