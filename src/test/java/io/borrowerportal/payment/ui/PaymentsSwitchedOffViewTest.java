package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jane is on the review step of Make a Payment when the lender switches payments off (decision 025): "Pay" is
 * refused by the service, the page shows why and stays usable, and nothing is paid.
 */
class PaymentsSwitchedOffViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentService payments;
    @Autowired
    SettingsService settings;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void payments_switched_off_while_the_customer_reviews_show_the_refusal_on_the_page() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Switched off midway");
        int paymentsBefore = payments.payments(LOAN).size();
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        type().setValue(PaymentType.CUSTOM);
        $(BigDecimalField.class).id("pay-amount").setValue(new BigDecimal("30.00"));
        test($(Button.class).id("pay-next")).click();
        RadioButtonGroup<ProfileSummary> method = method();
        method.setValue(method.getListDataView().getItems().filter(p -> p.id() == card.id()).findFirst().orElseThrow());
        test($(Button.class).id("method-next")).click();
        assertThat($(Div.class).id("pay-step-review").isVisible()).isTrue();

        PaymentSettings before = settings.payments();
        asAdmin(() -> settings.updatePayments(before.withEnabled(false, before.profilesEnabled())));
        try {
            test($(Button.class).id("pay-confirm")).click();

            assertThat(getCurrentView()).isInstanceOf(MakePaymentView.class);
            Div error = $(Div.class).id("payment-error");
            assertThat(error.isVisible()).isTrue();
            assertThat(error.getText()).isEqualTo("Online payments are turned off. Call the lender to pay.");
            assertThat($(Button.class).id("pay-confirm").isEnabled()).isTrue();
            assertThat(payments.payments(LOAN)).hasSize(paymentsBefore);
        } finally {
            asAdmin(() -> settings.updatePayments(before));
        }
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<PaymentType> type() {
        return $(RadioButtonGroup.class).id("pay-type");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ProfileSummary> method() {
        return $(RadioButtonGroup.class).id("pay-method");
    }
}
