package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
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
    @Autowired
    SettingsService settings;

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
        $(Checkbox.class).id("card-save-for-later").setValue(true);
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
        $(Checkbox.class).id("bank-save-for-later").setValue(true);
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
        $(Checkbox.class).id("bank-save-for-later").setValue(true);
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
        assertThat(profiles.myProfiles()).as("saved for later").extracting(ProfileSummary::nickname).contains(nickname);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void credit_debit_card_payment_offers_cards_only_and_a_card_entered_there_pays_once_without_being_saved() {
        open("card");
        assertThat($(H2.class).first().getText()).isEqualTo("Credit/Debit Card Payment");
        chooseCustomAmount("22.00");

        assertThat(method().getListDataView().getItems()).isNotEmpty()
                .allMatch(p -> p.channel() == PaymentChannel.CARD);
        assertThat(method().getValue().channel()).isEqualTo(PaymentChannel.CARD);
        assertThat($(Button.class).withId("new-bank").exists()).isFalse();
        assertThat($(Anchor.class).id("pay-any-method").getHref()).isEqualTo(AccountNavigation.makePayment(LOAN));
        int onFileBefore = profiles.myProfiles().size();

        test($(Button.class).id("new-card")).click();
        Checkbox saveForLater = $(Checkbox.class).id("card-save-for-later");
        assertThat(saveForLater.getValue()).as("a one-time payment unless asked").isFalse();
        assertThat($(TextField.class).withId("card-nickname").exists()).as("a nickname is for saved cards").isFalse();
        assertThat($(Checkbox.class).withId("card-primary").exists()).isFalse();
        saveForLater.setValue(true);
        assertThat($(TextField.class).id("card-nickname").isVisible()).isTrue();
        saveForLater.setValue(false);
        $(TextField.class).id("card-name").setValue("Jane Borrower");
        $(TextField.class).id("card-number").setValue("4242 4242 4242 4242");
        test($(Select.class).id("card-exp-month")).selectItem("12 – December");
        test($(Select.class).id("card-exp-year")).selectItem("2030");
        $(PasswordField.class).id("card-cvv").setValue("123");
        $(TextField.class).id("card-zip").setValue("12345");
        test($(Button.class).id("card-save")).click();

        assertThat($(Dialog.class).withId("card-dialog").exists()).isFalse();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Card added to this payment");
        ProfileSummary oneTime = method().getValue();
        assertThat(oneTime.onFile()).isFalse();
        assertThat(method().getItemLabelGenerator().apply(oneTime)).isEqualTo("Visa •••• 4242 · This payment only");
        test($(Button.class).id("method-next")).click();
        test($(Button.class).id("pay-confirm")).click();

        assertThat(getCurrentView()).isInstanceOf(PaymentReceiptView.class);
        String confirmation = $(Span.class).id("confirmation-number").getText();
        assertThat(payments.payment(LOAN, confirmation).method()).isEqualTo("Visa •••• 4242");
        assertThat(profiles.myProfiles()).hasSize(onFileBefore).noneMatch(p -> p.id() == oneTime.id());
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void bank_account_payment_offers_bank_accounts_only() {
        open("bank");
        assertThat($(H2.class).first().getText()).isEqualTo("Bank Account Payment");
        chooseCustomAmount("22.00");

        assertThat(method().getListDataView().getItems()).isNotEmpty()
                .allMatch(p -> p.channel() == PaymentChannel.BANK);
        assertThat($(Button.class).withId("new-card").exists()).isFalse();
        test($(Button.class).id("new-bank")).click();
        assertThat($(Checkbox.class).id("bank-save-for-later").getValue()).isFalse();
        assertThat($(TextField.class).withId("bank-nickname").exists()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_channel_in_the_address_the_lender_does_not_take_or_does_not_know_is_ignored() {
        PaymentSettings before = settings.payments();
        asAdmin(() -> settings.updatePayments(before.withChannels(false, true)));
        try {
            open("card");
            assertThat($(H2.class).first().getText()).isEqualTo("Make a Payment");
            chooseCustomAmount("22.00");
            assertThat($(Button.class).withId("new-card").exists()).isFalse();
            assertThat($(Button.class).withId("new-bank").exists()).isTrue();
            assertThat(method().getListDataView().getItems()).allMatch(p -> p.channel() == PaymentChannel.BANK);
        } finally {
            asAdmin(() -> settings.updatePayments(before));
        }
        open("cash");
        assertThat($(H2.class).first().getText()).isEqualTo("Make a Payment");
        chooseCustomAmount("22.00");
        assertThat($(Button.class).withId("new-card").exists()).isTrue();
        assertThat($(Button.class).withId("new-bank").exists()).isTrue();
        assertThat($(Anchor.class).withId("pay-any-method").exists()).isFalse();
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

    /** Make a Payment as the Payments tab's entry points open it: {@code ?channel=...}. */
    private void open(String channel) {
        UI.getCurrent().navigate("accounts/" + LOAN + "/pay", QueryParameters.of(AccountNavigation.CHANNEL, channel));
        assertThat(getCurrentView()).isInstanceOf(MakePaymentView.class);
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
