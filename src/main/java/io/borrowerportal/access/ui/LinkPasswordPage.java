package io.borrowerportal.access.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.borrowerportal.access.AccessLinkRefusedException;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.settings.SettingsService;

import java.util.Optional;

/**
 * The page an emailed link opens to choose a password ({@code ?token=…}): the form while the link is good, then
 * the sign-in page with a notice (the link does not sign anyone in: decision 016); a used, expired or unknown link
 * shows why and offers a new one. The activation and the reset page differ only in the words and the service.
 */
abstract class LinkPasswordPage extends AccessPage implements BeforeEnterObserver {

    /** What one kind of link says and does. */
    record Link(String heading, String button, String introId, String intro, Endpoint endpoint, String signInNotice,
                String askAgainRoute, String askAgainText, String name) {
    }

    /** The service side of one kind of link. */
    interface Redeemer {
        Optional<String> linkEmail(String token);

        TokenState linkState(String token);

        /** Sets the password; refuses a used link ({@link AccessLinkRefusedException}) or a password (IAE). */
        void use(String token, String password);
    }

    private final Link link;
    private final Redeemer redeemer;
    private final PasswordPolicy policy;
    private final ClientRateLimits rateLimits;

    LinkPasswordPage(SettingsService settings, Link link, Redeemer redeemer, PasswordPolicy policy,
                     ClientRateLimits rateLimits) {
        super(settings, link.heading());
        this.link = link;
        this.redeemer = redeemer;
        this.policy = policy;
        this.rateLimits = rateLimits;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        Optional<String> email = redeemer.linkEmail(token);
        if (email.isEmpty()) {
            refuse(redeemer.linkState(token));
            return;
        }
        ChoosePasswordForm form = new ChoosePasswordForm(policy, email.get(), link.button(), password -> {
            try {
                rateLimits.check(link.endpoint(), clientAddress());
                redeemer.use(token, password);
                // The sign-in page is no Vaadin route (decision 043): a page load, not the router.
                UI.getCurrent().getPage().setLocation(AccessNavigation.LOGIN + "?" + link.signInNotice());
            } catch (AccessLinkRefusedException refused) {
                refuse(refused.state());
            } catch (TooManyAttemptsException tooMany) {
                return Optional.of(tooMany.getMessage());
            } catch (IllegalArgumentException policyRefused) {
                return Optional.of(policyRefused.getMessage());
            }
            return Optional.empty();
        });
        show(link.heading(), message(link.introId(), "Your account: " + email.get() + ". " + link.intro()), form);
    }

    private void refuse(TokenState state) {
        Anchor again = new Anchor(link.askAgainRoute(), link.askAgainText());
        again.setId("ask-again");
        show("This link can't be used", message("link-refused", AccessPage.refusal(state, link.name())), again);
    }
}
