package io.borrowerportal.autopay.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.autopay.AutoPayStatus;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The Schedule AutoPay wizard in Vaadin's browserless tests: every step, every check, edit and cancel. */
class AutoPayWizardViewTest extends AutoPayUiSupport {

    @Autowired
    BalanceReviews balanceReviews;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void four_steps_schedule_a_monthly_autopay_which_then_shows_on_the_autopay_tab() {
        Borrower b = borrower("wiz-happy");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        assertThat(step()).isEqualTo(1);
        assertThat($(Div.class).id("autopay-step-method").isVisible()).isTrue();

        choose(b.bank());
        next("method-next", 2);
        assertThat(frequency().getValue()).as("monthly is the default").isEqualTo(AutoPayFrequency.MONTHLY);
        assertThat(amountType().getValue()).isEqualTo(AutoPayAmountType.SCHEDULED_PAYMENT);
        next("amount-next", 3);
        assertThat($(DatePicker.class).id("autopay-start-date").getValue()).as("the loan's next due date")
                .isEqualTo(CHRISTMAS);
        next("dates-next", 4);

        String review = $(Div.class).id("autopay-review").getElement().getTextRecursively();
        assertThat(review).contains("Checking •••• ", "Monthly on the 25th", "Dec 28, 2026 (due Dec 25, 2026, not a business day)",
                "Authorization", "until I cancel it");
        assertThat($(Paragraph.class).id("autopay-authorization-text").getText()).startsWith("I, Pat Payer");
        Button finish = $(Button.class).id("autopay-finish");
        assertThat(finish.getText()).as("the seed's wording").isEqualTo("Finish");
        assertThat(finish.isDisableOnClick()).isTrue();

        test(finish).click();
        assertThat(getCurrentView()).as("not without accepting").isInstanceOf(AutoPayWizardView.class);
        assertThat($(Checkbox.class).id("autopay-accept").isInvalid()).isTrue();
        assertThat(queries.autopays(b.loan())).isEmpty();

        $(Checkbox.class).id("autopay-accept").setValue(true);
        test($(Button.class).id("autopay-finish")).click();

        assertThat(getCurrentView()).isInstanceOf(AutoPayView.class);
        AutoPaySummary saved = queries.autopays(b.loan()).getFirst();
        assertThat(saved.status()).isEqualTo(AutoPayStatus.ACTIVE);
        assertThat(saved.nextProcessDate()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat($(Div.class).id("autopay-" + saved.reference()).getElement().getTextRecursively())
                .contains("Scheduled payment amount", "Monthly on the 25th", "Monday, Dec 28, 2026");
    }

    @Test
    void opened_again_in_place_the_wizard_has_one_set_of_controls_and_schedules_once() {
        Borrower b = borrower("wiz-again");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        Object first = getCurrentView();
        // Vaadin keeps the view when its own route is opened again (a link to the page it is on)
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        assertThat(getCurrentView()).isSameAs(first);
        assertThat($(Button.class).withId("new-bank").all()).hasSize(1);
        assertThat($(Button.class).withId("method-next").all()).hasSize(1);

        choose(b.bank());
        next("method-next", 2);
        next("amount-next", 3);
        next("dates-next", 4);
        $(Checkbox.class).id("autopay-accept").setValue(true);
        test($(Button.class).id("autopay-finish")).click();

        assertThat(getCurrentView()).isInstanceOf(AutoPayView.class);
        assertThat(queries.autopays(b.loan())).hasSize(1);
    }

    @Test
    void each_step_checks_its_fields_before_next() {
        Borrower b = borrower("wiz-checks");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        method().clear();
        test($(Button.class).id("method-next")).click();
        assertThat(step()).isEqualTo(1);
        assertThat(method().isInvalid()).isTrue();
        assertThat(method().getErrorMessage()).contains("Choose how AutoPay pays");

        choose(b.bank());
        next("method-next", 2);
        frequency().clear();
        amountType().clear();
        test($(Button.class).id("amount-next")).click();
        assertThat(step()).isEqualTo(2);
        assertThat(frequency().getErrorMessage()).isEqualTo("Choose how often AutoPay pays.");
        assertThat(amountType().getErrorMessage()).isEqualTo("Choose what AutoPay pays each time.");

        test(frequency()).selectItem(AutoPayFrequency.WEEKLY.label());
        amountType().setValue(AutoPayAmountType.FIXED);
        BigDecimalField amount = $(BigDecimalField.class).id("autopay-fixed-amount");
        assertThat(amount.isVisible()).isTrue();
        test($(Button.class).id("amount-next")).click();
        assertThat(amount.getErrorMessage()).contains("Enter the amount of each payment");
        amount.setValue(new BigDecimal("2.00"));
        test($(Button.class).id("amount-next")).click();
        assertThat(amount.getErrorMessage()).startsWith("The smallest payment accepted online is $5.00");
        amount.setValue(new BigDecimal("25000.01"));
        test($(Button.class).id("amount-next")).click();
        assertThat(amount.getErrorMessage()).startsWith("The largest payment accepted online is $25,000.00");
        amount.setValue(new BigDecimal("40.00"));
        next("amount-next", 3);

        DatePicker start = $(DatePicker.class).id("autopay-start-date");
        start.setValue(null);
        test($(Button.class).id("dates-next")).click();
        assertThat(start.getErrorMessage()).isEqualTo("Choose the date of the first payment.");
        start.setValue(LocalDate.of(2026, 12, 9));
        test($(Button.class).id("dates-next")).click();
        assertThat(start.getErrorMessage()).contains("cannot be in the past");
        start.setValue(LocalDate.of(2026, 12, 14));
        radio("autopay-duration").setValue("A set number of payments");
        IntegerField count = $(IntegerField.class).id("autopay-number-of-payments");
        assertThat(count.isVisible()).isTrue();
        test($(Button.class).id("dates-next")).click();
        assertThat(count.getErrorMessage()).contains("1 to 600");
        count.setValue(8);
        next("dates-next", 4);
        assertThat($(Div.class).id("autopay-review").getElement().getTextRecursively())
                .contains("$40.00", "Every week on Monday, from December 14, 2026, for 8 payments");
        assertThat(queries.autopays(b.loan())).as("nothing is stored before Finish").isEmpty();
    }

    @Test
    void the_services_refusal_goes_back_to_the_field_and_step_it_names() {
        Borrower b = borrower("wiz-refused");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        choose(b.bank());
        next("method-next", 2);
        amountType().setValue(AutoPayAmountType.FIXED);
        $(BigDecimalField.class).id("autopay-fixed-amount").setValue(new BigDecimal("150.00"));
        next("amount-next", 3);
        // The lender stops offering fixed amounts while the wizard is open: the form still shows the choice it
        // loaded, the service refuses it and points at the amount step.
        asAdmin(() -> settings.updateAutopay(settings.autopay().withOffered(settings.autopay().frequencies(),
                EnumSet.of(AutoPayAmountType.SCHEDULED_PAYMENT))));
        test($(Button.class).id("dates-next")).click();

        assertThat(step()).isEqualTo(2);
        RadioButtonGroup<AutoPayAmountType> amount = amountType();
        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo("The lender does not offer AutoPay for the fixed amount. "
                + "Choose another amount.");
        Div error = $(Div.class).id("autopay-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).isEqualTo(amount.getErrorMessage());
    }

    @Test
    void payoff_is_offered_only_once_and_a_one_time_autopay_asks_for_no_count() {
        Borrower b = borrower("wiz-payoff");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        choose(b.bank());
        next("method-next", 2);
        assertThat(disabled("autopay-amount-payoff")).as("monthly").isTrue();

        test(frequency()).selectItem(AutoPayFrequency.ONE_TIME.label());
        assertThat(disabled("autopay-amount-payoff")).isFalse();
        amountType().setValue(AutoPayAmountType.PAYOFF);
        next("amount-next", 3);
        assertThat($(RadioButtonGroup.class).withId("autopay-duration").exists()).as("no count for one payment").isFalse();
        assertThat($(DatePicker.class).id("autopay-start-date").getLabel()).isEqualTo("Payment date");

        test($(Button.class).id("dates-back")).click();
        test(frequency()).selectItem(AutoPayFrequency.MONTHLY.label());
        assertThat(amountType().getValue()).as("payoff does not stay chosen for a monthly AutoPay").isNull();
    }

    @Test
    void the_last_day_choice_appears_only_for_a_start_on_a_month_end() {
        Borrower b = borrower("wiz-month-end");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        choose(b.bank());
        next("method-next", 2);
        next("amount-next", 3);
        DatePicker start = $(DatePicker.class).id("autopay-start-date");
        start.setValue(LocalDate.of(2026, 12, 25));
        assertThat($(Checkbox.class).withId("autopay-last-day").exists()).isFalse();
        start.setValue(LocalDate.of(2027, 4, 30));
        Checkbox lastDay = $(Checkbox.class).id("autopay-last-day");
        assertThat(lastDay.getLabel()).isEqualTo("Always pay on the last day of the month");
        lastDay.setValue(true);
        next("dates-next", 4);
        assertThat($(Div.class).id("autopay-review").getElement().getTextRecursively())
                .contains("Monthly on the last day of the month", "May 31, 2027");
    }

    @Test
    void frequencies_the_lender_does_not_offer_are_not_shown() {
        asAdmin(() -> settings.updateAutopay(settings.autopay().withOffered(EnumSet.of(AutoPayFrequency.MONTHLY),
                EnumSet.of(AutoPayAmountType.SCHEDULED_PAYMENT, AutoPayAmountType.FIXED))));
        Borrower b = borrower("wiz-offered");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        choose(b.bank());
        next("method-next", 2);
        assertThat(frequency().getListDataView().getItems()).containsExactly(AutoPayFrequency.MONTHLY);
        assertThat(amountType().getListDataView().getItems())
                .containsExactly(AutoPayAmountType.SCHEDULED_PAYMENT, AutoPayAmountType.FIXED);
    }

    @Test
    void a_new_bank_account_added_in_the_wizard_becomes_the_chosen_method() {
        Borrower b = borrower("wiz-new-bank");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        test($(Button.class).id("new-bank")).click();
        $(TextField.class).id("bank-name").setValue("Pat Payer");
        $(TextField.class).id("bank-routing").setValue("011000015");
        $(TextField.class).id("bank-account").setValue("000987654321");
        $(TextField.class).id("bank-account-confirm").setValue("000987654321");
        test($(RadioButtonGroup.class).id("bank-type")).selectItem(BankAccountKind.CHECKING.label());
        test($(Button.class).id("bank-save")).click();

        assertThat($(Dialog.class).withId("bank-dialog").exists()).isFalse();
        assertThat(method().getValue().lastFour()).isEqualTo("4321");
        next("method-next", 2);
    }

    @Test
    void a_card_added_in_the_wizard_can_pay_too() {
        Borrower b = borrower("wiz-new-card");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        test($(Button.class).id("new-card")).click();
        $(TextField.class).id("card-name").setValue("Pat Payer");
        $(TextField.class).id("card-number").setValue("4242 4242 4242 4242");
        test($(Select.class).id("card-exp-month")).selectItem("12 – December");
        test($(Select.class).id("card-exp-year")).selectItem("2030");
        $(PasswordField.class).id("card-cvv").setValue("123");
        $(TextField.class).id("card-zip").setValue("19801");
        test($(Button.class).id("card-save")).click();

        assertThat(method().getValue().label()).isEqualTo("Visa •••• 4242");
    }

    @Test
    void started_from_a_payment_profile_the_profile_is_chosen_already() {
        Borrower b = borrower("wiz-from-profile");
        long card = profiles.addCard(io.borrowerportal.payment.PaymentFixtures.card("4242424242424242")).id();
        // The Payment Profiles tab (the payment feature's view) offers "Set up AutoPay" on each usable profile.
        UI.getCurrent().navigate(b.page("profiles"));
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("PaymentProfilesView");
        assertThat($(Component.class).id("profile-" + b.bank() + "-autopay").getElement().getAttribute("href"))
                .isEqualTo(b.page("autopay/new?profile=" + b.bank()));

        UI.getCurrent().navigate(b.page("autopay/new"), QueryParameters.of("profile", String.valueOf(b.bank())));
        assertThat(method().getValue().id()).isEqualTo(b.bank());
        UI.getCurrent().navigate(b.page("autopay/new"), QueryParameters.of("profile", String.valueOf(card)));
        assertThat(method().getValue().id()).as("not the primary: the one chosen").isEqualTo(card);
    }

    @Test
    void editing_opens_the_same_wizard_prefilled_and_saves_the_change() {
        Borrower b = borrower("wiz-edit");
        AutoPaySummary autopay = schedule(b, new AutoPayTerms(b.bank(), AutoPayFrequency.WEEKLY, AutoPayAmountType.FIXED,
                new BigDecimal("40.00"), LocalDate.of(2026, 12, 14), 6, false, false));

        navigate(b.page("autopay/" + autopay.reference() + "/edit"), AutoPayWizardView.class);

        assertThat($(com.vaadin.flow.component.html.H2.class).first().getText())
                .isEqualTo("Change AutoPay " + autopay.reference());
        assertThat(method().getValue().id()).isEqualTo(b.bank());
        next("method-next", 2);
        assertThat(frequency().getValue()).isEqualTo(AutoPayFrequency.WEEKLY);
        assertThat(amountType().getValue()).isEqualTo(AutoPayAmountType.FIXED);
        assertThat($(BigDecimalField.class).id("autopay-fixed-amount").getValue()).isEqualByComparingTo("40.00");
        $(BigDecimalField.class).id("autopay-fixed-amount").setValue(new BigDecimal("55.00"));
        next("amount-next", 3);
        assertThat($(DatePicker.class).id("autopay-start-date").getValue()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(radio("autopay-duration").getValue()).isEqualTo("A set number of payments");
        assertThat($(IntegerField.class).id("autopay-number-of-payments").getValue()).isEqualTo(6);
        next("dates-next", 4);
        assertThat($(Button.class).id("autopay-finish").getText()).isEqualTo("Finish");
        $(Checkbox.class).id("autopay-accept").setValue(true);
        test($(Button.class).id("autopay-finish")).click();

        assertThat(getCurrentView()).isInstanceOf(AutoPayView.class);
        AutoPaySummary changed = queries.autopay(b.loan(), autopay.reference());
        assertThat(changed.fixedAmount()).isEqualByComparingTo("55.00");
        assertThat(changed.nextDueDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(changed.numberOfPayments()).isEqualTo(6);
    }

    @Test
    void cancel_on_the_first_step_leaves_without_saving() {
        Borrower b = borrower("wiz-cancel");
        navigate(b.page("autopay/new"), AutoPayWizardView.class);
        test($(Button.class).id("method-cancel")).click();
        assertThat(getCurrentView()).isInstanceOf(AutoPayView.class);
        assertThat(queries.autopays(b.loan())).isEmpty();
    }

    @Test
    void a_loan_at_the_lenders_limit_or_a_co_borrowers_autopay_shows_why_instead_of_the_wizard() {
        SignIn.as(users, "jane.borrower@example.com");
        navigate("accounts/AUTO-100482/autopay/new", AutoPayWizardView.class);
        assertThat($(Div.class).id("autopay-refusal").getText()).contains("already has an AutoPay");
        assertThat($(Button.class).withId("method-next").exists()).isFalse();

        String sams = queries.autopays("AUTO-100482").stream().filter(a -> !a.mine()).findFirst().orElseThrow().reference();
        navigate("accounts/AUTO-100482/autopay/" + sams + "/edit", AutoPayWizardView.class);
        assertThat($(Div.class).id("autopay-refusal").getText()).contains("only the borrower who set it up");
    }

    @Test
    void another_customers_loan_is_not_found() {
        borrower("wiz-stranger");
        navigate("accounts/PL-200731/autopay/new", NotFoundView.class);
    }

    private boolean disabled(String id) {
        return $(Component.class).id(id).getElement().getProperty("disabled", false);
    }

    @Test
    void under_review_the_amount_step_says_why_and_offers_a_fixed_amount_only_without_the_payoff() {
        Borrower b = borrower("wiz-review");
        long account = jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class, b.loan());
        SystemTask.call(() -> balanceReviews.hold(account));
        try {
            navigate(b.page("autopay/new"), AutoPayWizardView.class);
            choose(b.bank());
            next("method-next", 2);
            assertThat($(Paragraph.class).id("autopay-balance-review").getText())
                    .startsWith("Your balance is being updated.").endsWith("AutoPay can pay a fixed amount only.");
            assertThat(amountType().getListDataView().getItems().toList()).containsExactly(AutoPayAmountType.FIXED);
            assertThat(amountType().getValue()).as("the one choice, chosen").isEqualTo(AutoPayAmountType.FIXED);
            BigDecimalField amount = $(BigDecimalField.class).id("autopay-fixed-amount");
            assertThat(amount.getHelperText()).as("the lender's maximum, not the payoff")
                    .isEqualTo("Between " + Formats.money(settings.payments().minimumAmount()) + " and "
                            + Formats.money(settings.payments().maximumAmount()) + ".");
            amount.setValue(new BigDecimal("60.00"));
            next("amount-next", 3);
        } finally {
            SystemTask.call(() -> balanceReviews.release(account));
        }
    }

    private void choose(long profileId) {
        ProfileSummary profile = method().getListDataView().getItems().filter(p -> p.id() == profileId)
                .findFirst().orElseThrow();
        method().setValue(profile);
    }

    private void next(String button, int expectedStep) {
        test($(Button.class).id(button)).click();
        assertThat(step()).as(() -> "after " + button + ": "
                + $(AutoPayWizardView.class).single().getElement().getTextRecursively()).isEqualTo(expectedStep);
    }

    private int step() {
        return $(AutoPayWizardView.class).single().currentStep();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<ProfileSummary> method() {
        return $(RadioButtonGroup.class).id("autopay-method");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<AutoPayFrequency> frequency() {
        return $(RadioButtonGroup.class).id("autopay-frequency");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<AutoPayAmountType> amountType() {
        return $(RadioButtonGroup.class).id("autopay-amount-type");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<String> radio(String id) {
        return $(RadioButtonGroup.class).id(id);
    }
}
