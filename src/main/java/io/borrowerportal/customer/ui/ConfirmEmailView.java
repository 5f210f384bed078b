package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.customer.EmailChangeLink;
import io.borrowerportal.customer.EmailChangeOutcome;
import io.borrowerportal.customer.ProfileService;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.settings.SettingsService;

import java.util.List;

/**
 * Where an email change's confirmation link leads, signed in or not. Opening the page changes nothing (mail
 * scanners open links too); the customer confirms with a button. A used, expired or unknown link gets a page
 * that says so and offers to start again.
 */
@Route(value = "confirm-email", autoLayout = false)
@PageTitle("Confirm your new email address")
@AnonymousAllowed
class ConfirmEmailView extends Main implements BeforeEnterObserver {

    private final ProfileService profiles;
    private final ClientRateLimits rateLimits;
    private final CurrentUser currentUser;
    private final SettingsService settings;

    ConfirmEmailView(ProfileService profiles, CurrentUser currentUser, SettingsService settings,
                     ClientRateLimits rateLimits) {
        this.profiles = profiles;
        this.rateLimits = rateLimits;
        this.currentUser = currentUser;
        this.settings = settings;
        addClassNames("message-page", "confirm-email-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of());
        String token = values.isEmpty() ? "" : values.getFirst();
        try {
            // Per client address, so nobody tries link after link (decision 017).
            rateLimits.check(ClientRateLimits.Endpoint.EMAIL_CHANGE, VaadinRequest.getCurrent().getRemoteAddr());
        } catch (TooManyAttemptsException tooMany) {
            removeAll();
            Paragraph wait = new Paragraph(tooMany.getMessage());
            wait.setId("confirm-email-result");
            add(new H1("Confirm your new email address"), wait);
            return;
        }
        EmailChangeLink link = profiles.emailChangeLink(token);
        if (link.usable()) {
            ask(token, link.newEmail());
        } else {
            refused(link.problem());
        }
    }

    private void ask(String token, String newEmail) {
        removeAll();
        Paragraph question = new Paragraph("Sign in to " + settings.current().lenderName() + " with " + newEmail
                + " from now on? Your password stays the same.");
        question.setId("confirm-email-question");
        Button confirm = new Button("Confirm new email address", click -> {
            EmailChangeOutcome outcome = profiles.confirmEmailChange(token);
            if (outcome == EmailChangeOutcome.CHANGED) {
                changed(newEmail);
            } else {
                refused(outcome);
            }
        });
        confirm.setId("confirm-email");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Confirm your new email address"), question, confirm);
    }

    private void changed(String newEmail) {
        removeAll();
        Paragraph done = new Paragraph("From now on, sign in with " + newEmail + ". We send our emails there too.");
        done.setId("confirm-email-result");
        boolean signedIn = currentUser.servedCustomer().isPresent();
        Anchor signIn = new Anchor("login", "Sign in");
        // The sign-in page is no Vaadin route (decision 043): the browser loads it, the client-side router stays out.
        signIn.setRouterIgnore(true);
        add(new H1("Your email address was changed"), done, signedIn ? new Anchor("profile", "Back to My profile") : signIn);
    }

    private void refused(EmailChangeOutcome problem) {
        removeAll();
        String why = switch (problem) {
            case USED -> "This link was already used, or a newer request or a cancellation replaced it.";
            case EXPIRED -> "This link has expired: links to confirm an email address work for 24 hours.";
            case ADDRESS_UNAVAILABLE -> ProfileService.ADDRESS_UNAVAILABLE;
            case UNKNOWN, CHANGED -> "This link is not valid. Check that you opened the whole link from the email.";
        };
        Paragraph reason = new Paragraph(why + " Your email address has not changed.");
        reason.setId("confirm-email-result");
        Paragraph again = new Paragraph("You can ask for a new link on My profile.");
        Anchor start = new Anchor("profile", "Start again on My profile");
        start.setId("start-again");
        add(new H1("This link can't be used"), reason, again, start);
    }
}
