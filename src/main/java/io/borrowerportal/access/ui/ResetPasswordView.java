package io.borrowerportal.access.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.PasswordResets;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.settings.SettingsService;

import java.util.Optional;

/**
 * {@code /reset-password?token=…}, the reset link: a new password, after which every other session of the account
 * has ended and the person signs in with it.
 */
@Route(value = AccessNavigation.RESET_PASSWORD, autoLayout = false)
@PageTitle("Choose a new password")
@AnonymousAllowed
class ResetPasswordView extends LinkPasswordPage {

    private static final Link RESET = new Link("Choose a new password", "Save new password", "reset-intro",
            "After this, every device signed in with the old password is signed out.", Endpoint.PASSWORD_RESET,
            AccessNavigation.PASSWORD_RESET_NOTICE, AccessNavigation.FORGOT_PASSWORD, "Ask for a new reset link",
            "password reset");

    ResetPasswordView(SettingsService settings, PasswordResets resets, PasswordPolicy policy, ClientRateLimits rateLimits) {
        super(settings, RESET, new Redeemer() {
            @Override
            public Optional<String> linkEmail(String token) {
                return resets.linkEmail(token);
            }

            @Override
            public TokenState linkState(String token) {
                return resets.linkState(token);
            }

            @Override
            public void use(String token, String password) {
                resets.reset(token, password);
            }
        }, policy, rateLimits);
    }
}
