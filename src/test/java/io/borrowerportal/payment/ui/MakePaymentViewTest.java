package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MakePaymentViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentService payments;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_custom_card_payment_of_50_dollars_ends_on_its_receipt() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Happy path");
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        assertThat($(Component.class).withId("pay-type-custom").exists()).isTrue();

        chooseCustomAmount("50.00");
        chooseProfile(card.id());
        test($(Button.class).id("method-next")).click();

        assertThat($(Div.class).id("pay-step-review").isVisible()).isTrue();
        String review = $(Div.class).id("pay-review").getElement().getTextRecursively();
        assertThat(review).contains("$50.00", "Visa •••• 4242", "How it applies");
        Button confirm = $(Button.class).id("pay-confirm");
        assertThat(confirm.isDisableOnClick()).isTrue();
        test(confirm).click();

        assertThat(getCurrentView()).isInstanceOf(PaymentReceiptView.class);
        String confirmation = $(Span.class).id("confirmation-number").getText();
        assertThat(confirmation).startsWith("PAY-");
        assertThat(payments.payment(LOAN, confirmation).amount()).isEqualByComparingTo("50.00");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void opened_again_in_place_the_page_has_one_set_of_controls_and_pays_once() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Opened twice");
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        Object first = getCurrentView();
        // "Make a Payment" in the account header, clicked on this page: Vaadin keeps the view and enters it again
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        assertThat(getCurrentView()).isSameAs(first);
        assertThat($(Button.class).withId("pay-next").all()).hasSize(1);
        int before = payments.payments(LOAN).size();

        chooseCustomAmount("21.00");
        assertThat($(Button.class).withId("new-card").all()).hasSize(1);
        assertThat($(Button.class).withId("method-next").all()).hasSize(1);
        chooseProfile(card.id());
        test($(Button.class).id("method-next")).click();
        test($(Button.class).id("pay-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(PaymentReceiptView.class);
        assertThat(payments.payments(LOAN)).hasSize(before + 1);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_declined_card_added_in_the_dialog_shows_the_decline_and_charges_nothing() {
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        chooseCustomAmount("20.00");
        test($(Button.class).id("new-card")).click();
        String nickname = PaymentFixtures.nickname("Declining");
        $(TextField.class).id("card-nickname").setValue(nickname);
        $(TextField.class).id("card-name").setValue("Jane Borrower");
        $(TextField.class).id("card-number").setValue("4000 0000 0000 0002");
        test($(Select.class).id("card-exp-month")).selectItem("12 – December");
        test($(Select.class).id("card-exp-year")).selectItem("2030");
        $(PasswordField.class).id("card-cvv").setValue("123");
        $(TextField.class).id("card-zip").setValue("12345");
        test($(Button.class).id("card-save")).click();

        assertThat($(Dialog.class).withId("card-dialog").exists()).isFalse();
        ProfileSummary chosen = method().getValue();
        assertThat(chosen.nickname()).isEqualTo(nickname);
        test($(Button.class).id("method-next")).click();
        test($(Button.class).id("pay-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(MakePaymentView.class);
        Div error = $(Div.class).id("payment-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).startsWith("Your card was declined by the bank").endsWith("Nothing was charged.")
                .doesNotContain("declined: ");
        assertThat($(Button.class).id("choose-another").isVisible()).isTrue();
        assertThat($(Button.class).id("pay-confirm").isEnabled()).isTrue();
        List<PaymentSummary> withThisCard = payments.payments(LOAN).stream()
                .filter(p -> p.method().equals(chosen.label())).toList();
        assertThat(withThisCard).isNotEmpty().allMatch(p -> p.status() == PaymentStatus.DECLINED);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void an_amount_below_the_minimum_shows_the_services_message_on_the_amount() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Too small");
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        chooseCustomAmount("1.00");
        chooseProfile(card.id());
        test($(Button.class).id("method-next")).click();

        assertThat($(Div.class).id("pay-step-amount").isVisible()).isTrue();
        assertThat($(Div.class).withId("pay-step-review").exists()).isFalse();
        BigDecimalField amount = $(BigDecimalField.class).id("pay-amount");
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).startsWith("The smallest payment accepted online is $");
        assertThat($(Div.class).id("payment-error").getText()).isEqualTo(amount.getErrorMessage());
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_routing_number_failing_its_check_digit_is_marked_on_the_routing_field() {
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        chooseCustomAmount("30.00");
        test($(Button.class).id("new-bank")).click();
        String nickname = PaymentFixtures.nickname("Bad routing");
        $(TextField.class).id("bank-nickname").setValue(nickname);
        $(TextField.class).id("bank-name").setValue("Jane Borrower");
        $(TextField.class).id("bank-routing").setValue("123456789");
        $(TextField.class).id("bank-account").setValue("000123456789");
        $(TextField.class).id("bank-account-confirm").setValue("000123456789");
        test($(Button.class).id("bank-save")).click();

        TextField routing = $(TextField.class).id("bank-routing");
        assertThat(routing.isInvalid()).isTrue();
        assertThat(routing.getErrorMessage()).contains("check digit");
        assertThat($(TextField.class).id("bank-account").isInvalid()).isFalse();
        assertThat($(Dialog.class).id("bank-dialog").isOpened()).isTrue();
        assertThat(profiles.myProfiles()).noneMatch(p -> nickname.equals(p.nickname()));
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_valid_bank_account_added_in_the_dialog_becomes_the_chosen_method() {
        navigate("accounts/" + LOAN + "/pay", MakePaymentView.class);
        chooseCustomAmount("30.00");
        test($(Button.class).id("new-bank")).click();
        String nickname = PaymentFixtures.nickname("Good bank");
        $(TextField.class).id("bank-nickname").setValue(nickname);
        $(TextField.class).id("bank-name").setValue("Jane Borrower");
        $(TextField.class).id("bank-routing").setValue("011000015");
        $(TextField.class).id("bank-account").setValue("000123456789");
        $(TextField.class).id("bank-account-confirm").setValue("000123456789");
        test($(RadioButtonGroup.class).id("bank-type")).selectItem(BankAccountKind.CHECKING.label());
        assertThat($(Checkbox.class).id("bank-primary").getValue()).isFalse();
        test($(Button.class).id("bank-save")).click();

        assertThat($(Dialog.class).withId("bank-dialog").exists()).isFalse();
        assertThat(method().getValue().nickname()).isEqualTo(nickname);
        assertThat($(Component.class).withId("profile-" + method().getValue().id()).exists()).isTrue();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void another_customers_loan_is_not_found() {
        navigate("accounts/PL-200988/pay", NotFoundView.class);
        assertThat($(MakePaymentView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails("sam.borrower@example.com")
    void a_paid_off_loan_shows_the_refusal_instead_of_the_wizard() {
        navigate("accounts/PL-100155/pay", MakePaymentView.class);
        assertThat($(Div.class).id("payment-refusal").getText()).isEqualTo("This loan is paid off; there is nothing to pay.");
        assertThat($(Button.class).withId("pay-next").exists()).isFalse();
    }

    private void chooseCustomAmount(String value) {
        test(type()).selectItem("Custom amount");
        BigDecimalField amount = $(BigDecimalField.class).id("pay-amount");
        assertThat(amount.isVisible()).isTrue();
        amount.setValue(new BigDecimal(value));
        test($(Button.class).id("pay-next")).click();
        assertThat($(Div.class).id("pay-step-method").isVisible()).isTrue();
    }

    private void chooseProfile(long id) {
        RadioButtonGroup<ProfileSummary> method = method();
        ProfileSummary profile = method.getListDataView().getItems().filter(p -> p.id() == id).findFirst().orElseThrow();
        method.setValue(profile);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<io.borrowerportal.settings.PaymentType> type() {
        return $(RadioButtonGroup.class).id("pay-type");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ProfileSummary> method() {
        return $(RadioButtonGroup.class).id("pay-method");
    }
}
