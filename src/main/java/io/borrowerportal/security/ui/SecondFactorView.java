package io.borrowerportal.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.SecondFactorService.Outcome;
import io.borrowerportal.security.Totp;
import jakarta.annotation.security.RolesAllowed;

/**
 * The second sign-in step: the code from the authenticator app, or one recovery code. Someone who passed the
 * password but owes the factor reaches only this page, the enrolment page and sign-out (decision 018).
 */
@Route(value = SecondFactorNavigation.SIGN_IN_ROUTE, autoLayout = false)
@PageTitle("Second sign-in step")
@RolesAllowed(Role.FACTOR_PENDING)
public class SecondFactorView extends Main implements BeforeEnterObserver {

    private final SecondFactorService secondFactors;
    private final AuthenticationContext authenticationContext;
    private final TextField code = new TextField("6-digit code");
    private final TextField recoveryCode = new TextField("Recovery code");

    SecondFactorView(SecondFactorService secondFactors, AuthenticationContext authenticationContext) {
        this.secondFactors = secondFactors;
        this.authenticationContext = authenticationContext;
        addClassName("login-page");

        code.setId("second-factor-code");
        code.setMaxLength(Totp.DIGITS + 1);
        code.setPattern("[0-9 ]*");
        code.setAllowedCharPattern("[0-9 ]");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        code.setAutofocus(true);
        Button verify = new Button("Verify", click -> handle(secondFactors.verify(code.getValue(), SecondFactorPages.contextSaver()), code));
        verify.setId("verify-code");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);

        recoveryCode.setId("recovery-code");
        recoveryCode.setHelperText("One of the ten codes you saved when you set up the app. Each works once.");
        Button useRecovery = new Button("Use recovery code",
                click -> handle(secondFactors.useRecoveryCode(recoveryCode.getValue(), SecondFactorPages.contextSaver()), recoveryCode));
        useRecovery.setId("use-recovery-code");
        Div recovery = new Div(recoveryCode, useRecovery);
        recovery.setId("recovery");
        recovery.setVisible(false);
        Button lostPhone = new Button("I don't have my phone", click -> recovery.setVisible(true));
        lostPhone.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        lostPhone.setId("show-recovery");

        Button logout = new Button("Sign out", click -> authenticationContext.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        Div card = new Div(new H1("Second sign-in step"),
                new Paragraph("Open your authenticator app and type the 6-digit code it shows for this website."),
                code, verify, lostPhone, recovery, logout);
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (secondFactors.mustEnrol()) {
            event.forwardTo(SecondFactorEnrolmentView.class);
        }
    }

    private void handle(Outcome outcome, TextField field) {
        switch (outcome) {
            case VERIFIED -> SecondFactorPages.goHome();
            case WRONG_CODE -> {
                field.clear();
                field.setErrorMessage("That code is not right, or was already used. Try the newest one.");
                field.setInvalid(true);
            }
            case TOO_MANY_WRONG_CODES -> authenticationContext.logout();
        }
    }
}
