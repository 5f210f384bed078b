package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.ProfileFixtures;
import io.borrowerportal.customer.ProfileService;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static io.borrowerportal.customer.ProfileFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileViewTest extends ViewTest {

    @Autowired
    CustomerService customers;
    @Autowired
    ProfileService profiles;
    @Autowired
    PreviewService previews;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcClient jdbc;

    private String openAsFreshCustomer(String who) {
        String email = ProfileFixtures.customer(customers, who);
        SignIn.as(users, email);
        navigate("profile", ProfileView.class);
        return email;
    }

    private void type(String id, String value) {
        test($(TextField.class).id(id)).setValue(value);
    }

    private void typePassword(String id, String value) {
        test($(PasswordField.class).id(id)).setValue(value);
    }

    @Test
    void the_header_links_to_the_profile_which_shows_each_section_and_the_disclosure() {
        String email = openAsFreshCustomer("sections");

        assertThat($(Anchor.class).id("nav-profile").getHref()).isEqualTo("profile");
        assertThat($(Paragraph.class).id("current-email").getText()).contains(email);
        String disclosure = $(Div.class).id("paperless-disclosure").getElement().getTextRecursively();
        assertThat(disclosure).contains("withdraw your consent at any time", "paper copy", "Keeping your email address current",
                "PDF reader", "web browser", "What you need");
        assertThat($(Paragraph.class).id("paperless-status").getText()).isEqualTo("You receive statements and notices on paper.");
        assertThat($(Button.class).id("change-password").isVisible()).isTrue();
    }

    @Test
    void a_wrong_current_password_is_shown_beside_its_field_and_the_right_one_changes_it() {
        String email = openAsFreshCustomer("pw-view");
        typePassword("current-password", "not-my-password");
        typePassword("new-password", "lantern orchard velvet");
        typePassword("confirm-password", "lantern orchard velvet");
        test($(Button.class).id("change-password")).click();

        PasswordField current = $(PasswordField.class).id("current-password");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("That is not your current password. Check it and try again.");

        typePassword("current-password", PASSWORD);
        test($(Button.class).id("change-password")).click();
        assertThat($(Div.class).id("password-status").getText()).contains("Your password was changed");
        assertThat(passwordEncoder.matches("lantern orchard velvet", users.loadUserByUsername(email).getPassword())).isTrue();
        assertThat($(PasswordField.class).id("current-password").getValue()).isEmpty();
    }

    @Test
    void a_too_short_new_password_is_explained_on_its_field_before_anything_is_sent() {
        String email = openAsFreshCustomer("pw-short");
        String before = users.loadUserByUsername(email).getPassword();
        typePassword("current-password", PASSWORD);
        typePassword("new-password", "short");
        typePassword("confirm-password", "short");
        test($(Button.class).id("change-password")).click();

        PasswordField fresh = $(PasswordField.class).id("new-password");
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).contains("Use at least 12 characters");
        assertThat(users.loadUserByUsername(email).getPassword()).isEqualTo(before);
    }

    @Test
    void bad_contact_details_are_marked_on_each_field_and_good_ones_are_saved() {
        openAsFreshCustomer("contact-view");
        type("phone", "555-0147");
        type("street-line1", "");
        type("city", "Albany");
        type("state", "XX");
        type("zip", "1220");
        test($(Button.class).id("save-contact")).click();

        assertThat($(TextField.class).id("phone").getErrorMessage()).contains("10-digit US phone number");
        assertThat($(TextField.class).id("street-line1").isInvalid()).isTrue();
        assertThat($(TextField.class).id("state").getErrorMessage()).contains("two-letter");
        assertThat($(TextField.class).id("zip").getErrorMessage()).contains("5-digit ZIP code");
        assertThat($(TextField.class).id("city").isInvalid()).isFalse();
        assertThat(profiles.myProfile().phone()).isNull();

        type("phone", "212 555 0147");
        type("street-line1", "1 Elm St");
        type("state", "ny");
        type("zip", "12207");
        test($(Button.class).id("save-contact")).click();

        assertThat($(Div.class).id("contact-status").getText()).contains("were saved");
        assertThat($(TextField.class).id("phone").getValue()).isEqualTo("(212) 555-0147");
        assertThat($(TextField.class).id("state").getValue()).isEqualTo("NY");
        assertThat(profiles.myProfile().zip()).isEqualTo("12207");
    }

    @Test
    void an_email_change_needs_the_password_and_then_shows_the_pending_address_which_can_be_cancelled() {
        openAsFreshCustomer("email-view");
        String fresh = ProfileFixtures.freshAddress("email-view-new");
        type("new-email", fresh);
        test($(Button.class).id("request-email-change")).click();
        assertThat($(PasswordField.class).id("email-current-password").getErrorMessage())
                .isEqualTo("That is not your current password. Check it and try again.");

        type("new-email", "sam.borrower@example.com");
        typePassword("email-current-password", PASSWORD);
        test($(Button.class).id("request-email-change")).click();
        assertThat($(TextField.class).id("new-email").getErrorMessage()).isEqualTo(ProfileService.ADDRESS_UNAVAILABLE);

        type("new-email", fresh);
        test($(Button.class).id("request-email-change")).click();
        assertThat($(Div.class).id("pending-email").getElement().getTextRecursively())
                .contains("We sent a confirmation link to " + fresh);
        assertThat(ProfileFixtures.mail(jdbc, fresh, "Confirm your new email address")).hasSize(1);

        test($(Button.class).id("cancel-email-change")).click();
        assertThat($(Div.class).withId("pending-email").exists()).isFalse();
        assertThat(profiles.myProfile().pendingEmail()).isNull();
    }

    @Test
    void paperless_needs_the_box_ticked_and_then_shows_when_it_was_agreed_and_can_be_withdrawn() {
        openAsFreshCustomer("paperless-view");
        test($(Button.class).id("paperless-consent")).click();
        assertThat($(Checkbox.class).id("paperless-agree").isInvalid()).isTrue();
        assertThat(profiles.myProfile().paperless().consented()).isFalse();

        test($(Checkbox.class).id("paperless-agree")).click();
        test($(Button.class).id("paperless-consent")).click();
        assertThat($(Paragraph.class).id("paperless-status").getText())
                .startsWith("You receive statements and notices electronically, since ").contains("(disclosure version 2026-12)");

        test($(Button.class).id("paperless-withdraw")).click();
        assertThat($(Paragraph.class).id("paperless-status").getText())
                .startsWith("You receive statements and notices on paper. You withdrew your consent");
        assertThat($(Button.class).withId("paperless-consent").exists()).isTrue();
    }

    @Test
    void during_a_staff_preview_the_page_is_read_only_with_no_buttons() {
        String email = ProfileFixtures.customer(customers, "preview-view");
        long id = SystemTask.call(() -> customers.idOf(email).orElseThrow());
        SignIn.as(users, "staff@example.com");
        previews.start(id, context -> { });
        navigate("profile", ProfileView.class);

        assertThat($(Div.class).id("profile-read-only").getElement().getTextRecursively()).contains("read-only");
        assertThat($(Button.class).all()).extracting(button -> button.getId().orElse(""))
                .doesNotContain("request-email-change", "change-password", "save-contact", "paperless-consent",
                        "paperless-withdraw");
        assertThat($(TextField.class).id("phone").isReadOnly()).isTrue();
        assertThat($(TextField.class).id("new-email").isReadOnly()).isTrue();
        assertThat($(PasswordField.class).withId("current-password").exists()).isFalse();
        assertThat($(Paragraph.class).id("current-email").getText()).contains(email);
    }
}
