package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.settings.SettingsService;

import java.util.Optional;

/**
 * {@code /activate}: a borrower who was never invited, or whose link expired, asks for an activation link with a
 * loan number and the email on file. The answer is the same whether or not they match.
 */
@Route(value = AccessNavigation.ACTIVATE, autoLayout = false)
@PageTitle("Activate your account")
@AnonymousAllowed
class ActivationRequestView extends AccessPage {

    private final TextField loanNumber = new TextField("Loan number");
    private final EmailField email = new EmailField("Email on file");

    ActivationRequestView(SettingsService settings, Invitations invitations, ClientRateLimits rateLimits) {
        super(settings, "Activate your account");
        loanNumber.setId("activate-loan-number");
        loanNumber.setMaxLength(20);
        loanNumber.setHelperText("On your statement or loan agreement, e.g. AUTO-100482");
        email.setId("activate-email");
        email.setMaxLength(160);
        email.setHelperText("The email address the lender has for you");
        Button send = new Button("Email me an activation link", click -> {
            boolean complete = Fields.check(loanNumber, loanNumber.getValue().isBlank()
                    ? Optional.of("Enter your loan number.") : Optional.empty())
                    & Fields.check(email, email.getValue().isBlank() || email.isInvalid()
                    ? Optional.of("Enter the email address on file.") : Optional.empty());
            if (!complete) {
                return;
            }
            try {
                rateLimits.check(Endpoint.ACTIVATION, clientAddress());
            } catch (TooManyAttemptsException tooMany) {
                Fields.check(email, Optional.of(tooMany.getMessage()));
                return;
            }
            invitations.requestActivation(loanNumber.getValue(), email.getValue());
            show("Check your email", message("activate-answer", Invitations.REQUEST_ANSWER),
                    message("activate-answer-more", "The link works for 7 days. If nothing arrives, check the loan number"
                            + " and email, or call us."));
        });
        send.setId("activate-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        show("Activate your account", message("activate-intro", "First time here? Enter your loan number and the email"
                + " address we have on file, and we will email you a link to choose your password."),
                form(loanNumber, email, send));
    }
}
