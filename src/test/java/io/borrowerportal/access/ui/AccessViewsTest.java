package io.borrowerportal.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.access.AccessFixtures;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.access.PasswordResets;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.borrowerportal.access.AccessFixtures.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** The anonymous access pages, without a browser: the same answers, the password form, refused links. */
class AccessViewsTest extends ViewTest {

    @Autowired
    Invitations invitations;
    @Autowired
    PasswordResets resets;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;

    @Test
    void forgot_password_gives_the_same_answer_for_a_known_and_an_unknown_email() {
        String known = forgot("jane.borrower@example.com");
        String unknown = forgot("nobody-" + System.nanoTime() + "@example.com");
        assertThat(known).isEqualTo(unknown).isEqualTo(PasswordResets.REQUEST_ANSWER);
        assertThat($(Anchor.class).id("back-to-sign-in").getHref()).isEqualTo(AccessNavigation.LOGIN);
    }

    @Test
    void forgot_password_asks_for_an_email_before_anything_is_sent() {
        navigate(ForgotPasswordView.class);
        test($(Button.class).id("forgot-send")).click();
        assertThat($(EmailField.class).id("forgot-email").isInvalid()).isTrue();
        assertThat($(Paragraph.class).withId("forgot-answer").exists()).isFalse();
    }

    @Test
    void an_activation_request_gets_the_same_answer_for_a_match_and_a_mismatch() {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "view-request");
        String match = requestActivation(ada.loanNumber(), ada.email());
        String mismatch = requestActivation("PL-200988", ada.email());
        assertThat(match).isEqualTo(mismatch).isEqualTo(Invitations.REQUEST_ANSWER);
        assertThat(AccessFixtures.awaitMail(ada.email(), "Activate your account")).contains(AccessNavigation.SET_FIRST_PASSWORD);
    }

    @Test
    void an_activation_link_opens_the_password_form_which_needs_the_password_twice_then_sign_in() {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "view-activate");
        String token = invite(ada);
        open(AccessNavigation.SET_FIRST_PASSWORD, token);
        assertThat(getCurrentView()).isInstanceOf(SetFirstPasswordView.class);
        assertThat($(Paragraph.class).id("set-password-intro").getText()).contains(ada.email());

        $(PasswordField.class).id("new-password").setValue(GOOD_PASSWORD);
        $(PasswordField.class).id("confirm-password").setValue(GOOD_PASSWORD + " typo");
        test($(Button.class).id("choose-password-save")).click();
        assertThat($(PasswordField.class).id("confirm-password").isInvalid()).isTrue();
        assertThat(invitations.linkState(token).name()).isEqualTo("VALID");

        $(PasswordField.class).id("confirm-password").setValue(GOOD_PASSWORD);
        test($(Button.class).id("choose-password-save")).click();
        assertThat(pageLoad()).isEqualTo(AccessNavigation.LOGIN + "?" + AccessNavigation.ACTIVATED_NOTICE);

        // The same link again: used, with the way to a new one.
        open(AccessNavigation.SET_FIRST_PASSWORD, token);
        assertThat($(Paragraph.class).id("link-refused").getText()).contains("already been used");
        assertThat($(Anchor.class).id("ask-again").getHref()).isEqualTo(AccessNavigation.ACTIVATE);
    }

    @Test
    void a_common_password_is_refused_on_the_field_and_the_link_stays_good() {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "view-common");
        String token = invite(ada);
        open(AccessNavigation.SET_FIRST_PASSWORD, token);
        $(PasswordField.class).id("new-password").setValue("password1234");
        $(PasswordField.class).id("confirm-password").setValue("password1234");
        test($(Button.class).id("choose-password-save")).click();
        assertThat($(PasswordField.class).id("new-password").isInvalid()).isTrue();
        assertThat(getCurrentView()).isInstanceOf(SetFirstPasswordView.class);
        assertThat(invitations.linkState(token).name()).isEqualTo("VALID");
    }

    @Test
    void a_reset_link_sets_a_new_password_and_an_unknown_link_is_refused_with_a_way_to_a_new_one() {
        AccessFixtures.Borrower ada = AccessFixtures.active(customers, servicing, "view-reset", GOOD_PASSWORD);
        resets.request(ada.email());
        String token = AccessFixtures.token(AccessFixtures.awaitMail(ada.email(), "Reset your password"), AccessNavigation.RESET_PASSWORD);
        open(AccessNavigation.RESET_PASSWORD, token);
        assertThat(getCurrentView()).isInstanceOf(ResetPasswordView.class);
        $(PasswordField.class).id("new-password").setValue("brand new lantern evening");
        $(PasswordField.class).id("confirm-password").setValue("brand new lantern evening");
        test($(Button.class).id("choose-password-save")).click();
        assertThat(pageLoad()).isEqualTo(AccessNavigation.LOGIN + "?" + AccessNavigation.PASSWORD_RESET_NOTICE);

        open(AccessNavigation.RESET_PASSWORD, "made-up");
        assertThat($(H2.class).id("access-title").getText()).isEqualTo("This link can't be used");
        assertThat($(Paragraph.class).id("link-refused").getText()).contains("isn't valid");
        assertThat($(Anchor.class).id("ask-again").getHref()).isEqualTo(AccessNavigation.FORGOT_PASSWORD);
        navigate(ForgotPasswordView.class);
        UI.getCurrent().navigate(AccessNavigation.RESET_PASSWORD);
        assertThat($(Paragraph.class).id("link-refused").getText()).contains("isn't valid");
    }

    /**
     * Where the page sent the browser with a page load: the sign-in page is no Vaadin route (decision 043), so a
     * finished link leaves Vaadin for it, with the notice it shows.
     */
    private static String pageLoad() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(js -> js.getInvocation().getExpression().contains("window.open"))
                .map(js -> String.valueOf(js.getInvocation().getParameters().getFirst()))
                .reduce((first, last) -> last).orElse("(none)");
    }

    /** A link's page with its token, as a fresh page load (the router keeps a view it is already on). */
    private void open(String route, String token) {
        navigate(ForgotPasswordView.class);
        UI.getCurrent().navigate(route, QueryParameters.of("token", token));
    }

    private String forgot(String email) {
        navigate(ActivationRequestView.class);
        navigate(ForgotPasswordView.class);
        $(EmailField.class).id("forgot-email").setValue(email);
        test($(Button.class).id("forgot-send")).click();
        return $(Paragraph.class).id("forgot-answer").getText();
    }

    private String requestActivation(String loanNumber, String email) {
        navigate(ForgotPasswordView.class);
        navigate(ActivationRequestView.class);
        $(TextField.class).id("activate-loan-number").setValue(loanNumber);
        $(EmailField.class).id("activate-email").setValue(email);
        test($(Button.class).id("activate-send")).click();
        return $(Paragraph.class).id("activate-answer").getText();
    }

    private String invite(AccessFixtures.Borrower customer) {
        asAdmin(() -> invitations.invite(customer.id()));
        SignIn.out();
        return AccessFixtures.token(AccessFixtures.awaitMail(customer.email(), "Activate your account"),
                AccessNavigation.SET_FIRST_PASSWORD);
    }
}
