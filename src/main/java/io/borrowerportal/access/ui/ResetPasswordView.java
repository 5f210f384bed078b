package io.borrowerportal.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.access.AccessLinkRefusedException;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.PasswordResets;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.settings.SettingsService;

import java.util.Map;
import java.util.Optional;

/**
 * {@code /reset-password?token=…}, the reset link: a new password, after which every other session of the account
 * has ended and the person signs in with it. A used, expired or unknown link shows why and offers a new one.
 */
@Route(value = AccessNavigation.RESET_PASSWORD, autoLayout = false)
@PageTitle("Choose a new password")
@AnonymousAllowed
class ResetPasswordView extends AccessPage implements BeforeEnterObserver {

    private final PasswordResets resets;
    private final ClientRateLimits rateLimits;
    private final PasswordPolicy policy;

    ResetPasswordView(SettingsService settings, PasswordResets resets, PasswordPolicy policy,
                      ClientRateLimits rateLimits) {
        super(settings, "Choose a new password");
        this.rateLimits = rateLimits;
        this.resets = resets;
        this.policy = policy;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        Optional<String> email = resets.linkEmail(token);
        if (email.isEmpty()) {
            refuse(resets.linkState(token));
            return;
        }
        ChoosePasswordForm form = new ChoosePasswordForm(policy, email.get(), "Save new password", password -> {
            try {
                rateLimits.check(Endpoint.PASSWORD_RESET, clientAddress());
                resets.reset(token, password);
                UI.getCurrent().navigate(AccessNavigation.LOGIN, QueryParameters.simple(Map.of(AccessNavigation.PASSWORD_RESET_NOTICE, "")));
            } catch (AccessLinkRefusedException refused) {
                refuse(refused.state());
            } catch (TooManyAttemptsException tooMany) {
                return Optional.of(tooMany.getMessage());
            } catch (IllegalArgumentException policyRefused) {
                return Optional.of(policyRefused.getMessage());
            }
            return Optional.empty();
        });
        show("Choose a new password", message("reset-intro", "Your account: " + email.get()
                + ". After this, every device signed in with the old password is signed out."), form);
    }

    private void refuse(TokenState state) {
        Anchor again = new Anchor(AccessNavigation.FORGOT_PASSWORD, "Ask for a new reset link");
        again.setId("ask-again");
        show("This link can't be used", message("link-refused", AccessPage.refusal(state, "password reset")), again);
    }
}
