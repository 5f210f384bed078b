package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.PasswordResets;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.settings.SettingsService;

import java.util.Optional;

/** {@code /forgot-password}: asks for the email and answers the same whether or not it has an account. */
@Route(value = AccessNavigation.FORGOT_PASSWORD, autoLayout = false)
@PageTitle("Forgot password")
@AnonymousAllowed
class ForgotPasswordView extends AccessPage {

    private final EmailField email = new EmailField("Email");

    ForgotPasswordView(SettingsService settings, PasswordResets resets, ClientRateLimits rateLimits) {
        super(settings, "Forgot your password?");
        email.setId("forgot-email");
        email.setMaxLength(160);
        Button send = new Button("Email me a link", click -> {
            if (!Fields.check(email, email.getValue().isBlank() || email.isInvalid()
                    ? Optional.of("Enter the email address you sign in with.") : Optional.empty())) {
                return;
            }
            try {
                rateLimits.check(Endpoint.PASSWORD_RESET, clientAddress());
            } catch (TooManyAttemptsException tooMany) {
                Fields.check(email, Optional.of(tooMany.getMessage()));
                return;
            }
            resets.request(email.getValue());
            show("Check your email", message("forgot-answer", PasswordResets.REQUEST_ANSWER));
        });
        send.setId("forgot-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        Anchor activate = new Anchor(AccessNavigation.ACTIVATE, "Never signed in? Activate your account");
        activate.setId("forgot-activate");
        show("Forgot your password?", message("forgot-intro", "Enter the email address you sign in with. We will email"
                + " you a link to choose a new password."), form(email, send), activate);
    }
}
