package io.borrowerportal.access.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.settings.SettingsService;

import java.util.Optional;

/**
 * {@code /activate/set-password?token=…}, the activation link: the customer chooses a first password, and then
 * signs in with it.
 */
@Route(value = AccessNavigation.SET_FIRST_PASSWORD, autoLayout = false)
@PageTitle("Choose your password")
@AnonymousAllowed
class SetFirstPasswordView extends LinkPasswordPage {

    private static final Link ACTIVATION = new Link("Choose your password", "Activate my account", "set-password-intro",
            "Choose the password you will sign in with.", Endpoint.ACTIVATION, AccessNavigation.ACTIVATED_NOTICE,
            AccessNavigation.ACTIVATE, "Ask for a new activation link", "activation");

    SetFirstPasswordView(SettingsService settings, Invitations invitations, PasswordPolicy policy,
                         ClientRateLimits rateLimits) {
        super(settings, ACTIVATION, new Redeemer() {
            @Override
            public Optional<String> linkEmail(String token) {
                return invitations.linkEmail(token);
            }

            @Override
            public TokenState linkState(String token) {
                return invitations.linkState(token);
            }

            @Override
            public void use(String token, String password) {
                invitations.activate(token, password);
            }
        }, policy, rateLimits);
    }
}
