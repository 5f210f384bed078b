package io.borrowerportal.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.SecondFactorService.Confirmation;
import io.borrowerportal.security.SecondFactorService.Enrolment;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Setting up the authenticator app: the secret as text and as a QR code, then a first code to prove it works,
 * then the ten recovery codes, shown this once. Staff without a factor land here after the password and can go
 * nowhere else; customers come from their second-factor settings.
 */
@Route(value = SecondFactorNavigation.ENROL_ROUTE, autoLayout = false)
@PageTitle("Set up your authenticator app")
@RolesAllowed({Role.FACTOR_PENDING, Role.CUSTOMER})
public class SecondFactorEnrolmentView extends Main implements BeforeEnterObserver {

    private final SecondFactorService secondFactors;
    private final CurrentUser currentUser;
    private final AuthenticationContext authenticationContext;
    private final Div card = new Div();

    SecondFactorEnrolmentView(SecondFactorService secondFactors, CurrentUser currentUser,
                              AuthenticationContext authenticationContext) {
        this.secondFactors = secondFactors;
        this.currentUser = currentUser;
        this.authenticationContext = authenticationContext;
        addClassName("login-page");
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.previewing()) {
            // Read-only preview: the customer's own sign-in is not the staff member's to change.
            throw new NotFoundException();
        }
        boolean pending = SecondFactorService.pending(SecurityContextHolder.getContext().getAuthentication());
        if (pending && !secondFactors.mustEnrol()) {
            event.forwardTo(SecondFactorView.class);
            return;
        }
        if (!pending && secondFactors.myStatus().on()) {
            event.forwardTo(SecondFactorNavigation.CUSTOMER_SETTINGS_ROUTE);
            return;
        }
        showEnrolment(pending ? secondFactors.startEnrolment() : secondFactors.startCustomerEnrolment(), pending);
    }

    private void showEnrolment(Enrolment enrolment, boolean pending) {
        card.removeAll();
        card.add(new H1("Set up your authenticator app"));
        if (pending) {
            card.add(new Paragraph("Staff sign in with a password and a code from an authenticator app. "
                    + "Set one up now to continue."));
        }
        card.add(new Paragraph("Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, "
                + "1Password, FreeOTP...), or type the key below into it."));
        Image qr = new Image(SecondFactorPages.qrCode(enrolment.otpauthUri()), "QR code for your authenticator app");
        qr.setId("totp-qr");
        qr.setWidth("220px");
        Span secret = new Span(SecondFactorPages.grouped(enrolment.secret()));
        secret.setId("totp-secret");
        secret.addClassName("totp-secret");
        Anchor openInApp = new Anchor();
        // otpauth: is not among Vaadin's safe schemes; this address is the portal's own, built by Totp.
        openInApp.setUnsafeHref(enrolment.otpauthUri());
        openInApp.setText("Open in an authenticator app on this device");
        openInApp.setId("open-in-app");
        Span uri = new Span(enrolment.otpauthUri());
        uri.setId("totp-uri");
        uri.addClassName("totp-uri");
        TextField code = new TextField("Code the app shows now");
        code.setId("enrol-code");
        code.setAllowedCharPattern("[0-9 ]");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        Button confirm = new Button("Confirm", click -> confirm(code, pending));
        confirm.setId("confirm-enrolment");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        card.add(qr, new Paragraph(new Span("Key: "), secret), openInApp, new Paragraph(uri), code, confirm);
        if (pending) {
            Button logout = new Button("Sign out", click -> authenticationContext.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            card.add(logout);
        }
    }

    private void confirm(TextField code, boolean pending) {
        Confirmation confirmation = pending
                ? secondFactors.confirmEnrolment(code.getValue(), SecondFactorPages.contextSaver())
                : secondFactors.confirmCustomerEnrolment(code.getValue(), SecondFactorPages.contextSaver());
        if (!confirmation.confirmed()) {
            code.clear();
            code.setErrorMessage("That code is not right. Check the app's clock and type the newest code.");
            code.setInvalid(true);
            return;
        }
        card.removeAll();
        card.add(new H1("Save your recovery codes"),
                new Paragraph("If you lose your phone, each of these codes signs you in once. Print them or keep them "
                        + "in a password manager: they are shown only now."));
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        confirmation.recoveryCodes().forEach(c -> list.add(new ListItem(c)));
        Button next = new Button("I saved them, continue", click -> {
            if (pending) {
                SecondFactorPages.goHome();
            } else {
                UI.getCurrent().navigate(SecondFactorNavigation.CUSTOMER_SETTINGS_ROUTE);
            }
        });
        next.setId("continue");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(list, next);
    }
}
