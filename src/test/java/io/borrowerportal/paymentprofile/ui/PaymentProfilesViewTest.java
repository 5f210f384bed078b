package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldTester;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

import java.time.Clock;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentProfilesViewTest extends ViewTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String PAGE = "accounts/AUTO-100482/profiles";

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    SettingsService settings;
    @Autowired
    Clock clock;

    @Test
    @WithUserDetails(JANE)
    void a_card_added_through_the_dialog_appears_masked() {
        String nickname = PaymentFixtures.nickname("Card");
        navigate(PAGE, PaymentProfilesView.class);
        assertThat($(Div.class).id("profile-list").getElement().getTextRecursively()).doesNotContain(nickname);
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("belong to you, not to this loan");

        test($(Button.class).id("new-card")).click();
        fillCard(nickname, "4242 4242 4242 4242", 8, YearMonth.now(clock).getYear() + 2, "123");
        test($(Button.class).id("card-save")).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Card saved");
        Div card = profileCard(nickname);
        assertThat(card.getElement().getTextRecursively()).contains("Visa •••• 4242", "Jane Borrower",
                "Expires 08/" + (YearMonth.now(clock).getYear() + 2));
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).doesNotContain("4242424242424242").doesNotContain("4242 4242 4242 4242");
        assertThat(profiles.myProfiles()).filteredOn(p -> nickname.equals(p.nickname()))
                .singleElement().satisfies(p -> assertThat(p.lastFour()).isEqualTo("4242"));
    }

    @Test
    @WithUserDetails(JANE)
    void an_invalid_card_number_is_shown_on_the_field_and_nothing_is_saved() {
        String nickname = PaymentFixtures.nickname("Bad");
        int before = profiles.myProfiles().size();
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("new-card")).click();
        fillCard(nickname, "4242424242424241", 8, YearMonth.now(clock).getYear() + 2, "123");
        test($(Button.class).id("card-save")).click();

        TextField number = $(TextField.class).id("card-number");
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isEqualTo("Card number is not valid. Check the digits and try again.");
        assertThat($(Dialog.class).first().isOpened()).isTrue();
        assertThat(profiles.myProfiles()).hasSize(before).noneMatch(p -> nickname.equals(p.nickname()));
    }

    @Test
    @WithUserDetails(JANE)
    void an_invalid_card_number_is_flagged_when_the_field_is_left() {
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("new-card")).click();
        TextField number = $(TextField.class).id("card-number");
        test(number).setValue("4242424242424241");
        blur(number);
        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).contains("not valid");
        test(number).setValue("4242424242424242");
        blur(number);
        assertThat(number.isInvalid()).isFalse();
    }

    @Test
    @WithUserDetails(JANE)
    void an_expired_card_is_refused() {
        // The test business date is 2026-12-10, so an earlier month of the current year is in the past.
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        String nickname = PaymentFixtures.nickname("Expired");
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("new-card")).click();
        fillCard(nickname, "4242424242424242", lastMonth.getMonthValue(), lastMonth.getYear(), "123");
        test($(Button.class).id("card-save")).click();

        Select<?> month = $(Select.class).id("card-exp-month");
        assertThat(month.isInvalid()).isTrue();
        assertThat(month.getErrorMessage()).startsWith("This card expired.");
        assertThat(profiles.myProfiles()).noneMatch(p -> nickname.equals(p.nickname()));
    }

    @Test
    @WithUserDetails(JANE)
    void a_routing_number_failing_its_check_digit_is_shown_on_the_routing_field() {
        String nickname = PaymentFixtures.nickname("Routing");
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("new-bank")).click();
        fillBank(nickname, "123456789", "123456789012", "123456789012");
        test($(Button.class).id("bank-save")).click();

        TextField routing = $(TextField.class).id("bank-routing");
        assertThat(routing.isInvalid()).isTrue();
        assertThat(routing.getErrorMessage()).contains("fails the bank's check digit");
        assertThat(profiles.myProfiles()).noneMatch(p -> nickname.equals(p.nickname()));
    }

    @Test
    @WithUserDetails(JANE)
    void mismatched_account_numbers_are_refused() {
        String nickname = PaymentFixtures.nickname("Mismatch");
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("new-bank")).click();
        fillBank(nickname, "021000021", "123456789012", "123456789013");
        test($(Button.class).id("bank-save")).click();

        TextField confirmation = $(TextField.class).id("bank-account-confirm");
        assertThat(confirmation.isInvalid()).isTrue();
        assertThat(confirmation.getErrorMessage()).contains("do not match");
        assertThat($(TextField.class).id("bank-account").isInvalid()).isFalse();
        assertThat(profiles.myProfiles()).noneMatch(p -> nickname.equals(p.nickname()));
    }

    @Test
    @WithUserDetails(JANE)
    void a_valid_bank_account_is_saved_and_shows_only_its_last_four_digits() {
        String nickname = PaymentFixtures.nickname("Bank");
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("new-bank")).click();
        fillBank(nickname, "021000021", "123456789012", "123456789012");
        TextField account = $(TextField.class).id("bank-account");
        TextField confirmation = $(TextField.class).id("bank-account-confirm");
        test($(Button.class).id("bank-save")).click();

        assertThat(test($(Notification.class).last()).getText()).isEqualTo("Bank account saved");
        assertThat(profileCard(nickname).getElement().getTextRecursively())
                .contains("•••• 9012", "Checking account · routing 021000021");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("123456789012");
        // The closed dialog's account fields no longer hold the number.
        assertThat(account.getValue()).isEmpty();
        assertThat(confirmation.getValue()).isEmpty();
    }

    @Test
    @WithUserDetails(JANE)
    void the_nickname_can_be_edited() {
        ProfileSummary card = addCard(PaymentFixtures.nickname("Before"), false);
        String renamed = PaymentFixtures.nickname("After");
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("profile-" + card.id() + "-edit")).click();
        test($(TextField.class).id("profile-edit-nickname")).setValue(renamed);
        test($(Button.class).id("profile-edit-save")).click();

        assertThat($(Div.class).id("profile-" + card.id()).getElement().getTextRecursively()).contains(renamed);
        assertThat(profiles.myProfiles()).filteredOn(p -> p.id() == card.id())
                .singleElement().satisfies(p -> assertThat(p.nickname()).isEqualTo(renamed));
    }

    @Test
    @WithUserDetails(JANE)
    void making_a_profile_primary_moves_the_badge() {
        ProfileSummary first = addCard(PaymentFixtures.nickname("First"), true);
        ProfileSummary second = addCard(PaymentFixtures.nickname("Second"), false);
        navigate(PAGE, PaymentProfilesView.class);
        assertThat(hasPrimaryBadge(first.id())).isTrue();
        assertThat(hasPrimaryBadge(second.id())).isFalse();

        test($(Button.class).id("profile-" + second.id() + "-primary")).click();

        assertThat(hasPrimaryBadge(second.id())).isTrue();
        assertThat(hasPrimaryBadge(first.id())).isFalse();
        assertThat($(Button.class).withId("profile-" + second.id() + "-primary").exists()).isFalse();
    }

    @Test
    @WithUserDetails(JANE)
    void deleting_after_confirmation_removes_the_profile() {
        ProfileSummary card = addCard(PaymentFixtures.nickname("Delete"), false);
        navigate(PAGE, PaymentProfilesView.class);
        test($(Button.class).id("profile-" + card.id() + "-delete")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).id("profile-delete-confirm");
        assertThat(test(confirm).getHeader()).isEqualTo("Delete Visa •••• 4242?");
        test(confirm).confirm();

        assertThat($(Div.class).withId("profile-" + card.id()).exists()).isFalse();
        assertThat(profiles.myProfiles()).noneMatch(p -> p.id() == card.id());
    }

    @Test
    @WithUserDetails("alex.latepay@example.com")
    void another_customer_does_not_see_janes_profiles() {
        String nickname = PaymentFixtures.nickname("Janes");
        ProfileSummary janes = as(JANE, () -> addCard(nickname, false));
        navigate("accounts/PL-200988/profiles", PaymentProfilesView.class);
        assertThat($(Div.class).withId("profile-" + janes.id()).exists()).isFalse();
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain(nickname);
    }

    @Test
    @WithUserDetails(JANE)
    void the_tab_is_refused_when_the_lender_switched_profiles_off() {
        PaymentSettings before = settings.payments();
        asAdmin(() -> settings.updatePayments(before.withEnabled(true, false)));
        try {
            navigate(PAGE, NotFoundView.class);
            assertThat($(H1.class).first().getText()).isEqualTo("We couldn't find that page");
        } finally {
            asAdmin(() -> settings.updatePayments(before));
        }
        navigate(PAGE, PaymentProfilesView.class);
        assertThat($(Anchor.class).id("tab-profiles").getElement().getAttribute("aria-current")).isEqualTo("page");
    }

    private void fillCard(String nickname, String number, int month, int year, String cvv) {
        test($(TextField.class).id("card-nickname")).setValue(nickname);
        test($(TextField.class).id("card-name")).setValue("Jane Borrower");
        test($(TextField.class).id("card-number")).setValue(number);
        test($(Select.class).id("card-exp-month")).selectItem("%02d – %s".formatted(month,
                Month.of(month).getDisplayName(TextStyle.FULL, Locale.US)));
        test($(Select.class).id("card-exp-year")).selectItem(String.valueOf(year));
        new TextFieldTester<>($(PasswordField.class).id("card-cvv")).setValue(cvv);
        test($(TextField.class).id("card-zip")).setValue("19801");
    }

    private void fillBank(String nickname, String routing, String account, String confirmation) {
        test($(TextField.class).id("bank-nickname")).setValue(nickname);
        test($(TextField.class).id("bank-name")).setValue("Jane Borrower");
        test($(TextField.class).id("bank-routing")).setValue(routing);
        test($(TextField.class).id("bank-account")).setValue(account);
        test($(TextField.class).id("bank-account-confirm")).setValue(confirmation);
        test($(RadioButtonGroup.class).id("bank-type")).selectItem(BankAccountKind.CHECKING.label());
    }

    private ProfileSummary addCard(String nickname, boolean primary) {
        YearMonth expiry = YearMonth.now(clock).plusYears(3);
        return profiles.addCard(new NewCardProfile(nickname, "Jane Borrower", "4242424242424242",
                expiry.getMonthValue(), expiry.getYear(), "123", "19801", primary));
    }

    private Div profileCard(String nickname) {
        List<Div> cards = $(Div.class).all().stream()
                .filter(div -> div.getId().orElse("").matches("profile-\\d+"))
                .filter(div -> div.getElement().getTextRecursively().contains(nickname))
                .toList();
        assertThat(cards).hasSize(1);
        return cards.getFirst();
    }

    private boolean hasPrimaryBadge(long profileId) {
        Div card = $(Div.class).id("profile-" + profileId);
        return card.getElement().getChild(0).getChildren()
                .anyMatch(child -> child.getClassList().contains("badge-primary") && "Primary".equals(child.getText()));
    }

    private static void blur(Component field) {
        ComponentUtil.fireEvent(field, new BlurNotifier.BlurEvent<>(field, true));
    }

    private <T> T as(String email, Supplier<T> work) {
        SecurityContext own = SecurityContextHolder.getContext();
        SignIn.as(users, email);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }
}
