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
import io.borrowerportal.access.Invitations;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.settings.SettingsService;

import java.util.Map;
import java.util.Optional;

/**
 * {@code /activate/set-password?token=…}, the activation link: the customer chooses a first password, and then
 * signs in with it (the link does not sign them in: decision 016). A used, expired or unknown link shows why and
 * offers a new one.
 */
@Route(value = AccessNavigation.SET_FIRST_PASSWORD, autoLayout = false)
@PageTitle("Choose your password")
@AnonymousAllowed
class SetFirstPasswordView extends AccessPage implements BeforeEnterObserver {

    private final Invitations invitations;
    private final ClientRateLimits rateLimits;
    private final PasswordPolicy policy;

    SetFirstPasswordView(SettingsService settings, Invitations invitations, PasswordPolicy policy,
                         ClientRateLimits rateLimits) {
        super(settings, "Choose your password");
        this.rateLimits = rateLimits;
        this.invitations = invitations;
        this.policy = policy;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        Optional<String> email = invitations.linkEmail(token);
        if (email.isEmpty()) {
            refuse(invitations.linkState(token));
            return;
        }
        ChoosePasswordForm form = new ChoosePasswordForm(policy, email.get(), "Activate my account", password -> {
            try {
                rateLimits.check(Endpoint.ACTIVATION, clientAddress());
                invitations.activate(token, password);
                UI.getCurrent().navigate(AccessNavigation.LOGIN, QueryParameters.simple(Map.of(AccessNavigation.ACTIVATED_NOTICE, "")));
            } catch (AccessLinkRefusedException refused) {
                refuse(refused.state());
            } catch (TooManyAttemptsException tooMany) {
                return Optional.of(tooMany.getMessage());
            } catch (IllegalArgumentException policyRefused) {
                return Optional.of(policyRefused.getMessage());
            }
            return Optional.empty();
        });
        show("Choose your password", message("set-password-intro", "Your account: " + email.get()
                + ". Choose the password you will sign in with."), form);
    }

    private void refuse(TokenState state) {
        Anchor again = new Anchor(AccessNavigation.ACTIVATE, "Ask for a new activation link");
        again.setId("ask-again");
        show("This link can't be used", message("link-refused", AccessPage.refusal(state, "activation")), again);
    }
}
