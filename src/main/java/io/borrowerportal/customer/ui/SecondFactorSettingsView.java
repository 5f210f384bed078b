package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.SecondFactorService.FactorStatus;
import jakarta.annotation.security.RolesAllowed;

/**
 * A customer's second factor: off by default; turned on through the enrolment page, off with a current code.
 * The profile page links here ({@link SecondFactorNavigation#CUSTOMER_SETTINGS_ROUTE}).
 */
@Route(value = SecondFactorNavigation.CUSTOMER_SETTINGS_ROUTE, layout = CustomerLayout.class)
@PageTitle("Second sign-in step")
@RolesAllowed(Role.CUSTOMER)
class SecondFactorSettingsView extends Div implements BeforeEnterObserver {

    private final SecondFactorService secondFactors;
    private final CurrentUser currentUser;

    SecondFactorSettingsView(SecondFactorService secondFactors, CurrentUser currentUser) {
        this.secondFactors = secondFactors;
        this.currentUser = currentUser;
        addClassName("message-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Second sign-in step"));
        if (currentUser.previewing()) {
            add(new Paragraph("A customer's sign-in settings are not shown in a preview."));
            return;
        }
        FactorStatus status = secondFactors.myStatus();
        Paragraph state = new Paragraph(status.on()
                ? "On: you sign in with your password and a code from your authenticator app. "
                  + status.recoveryCodesLeft() + " of " + SecondFactorService.RECOVERY_CODES + " recovery codes left."
                : "Off: you sign in with your password alone. Add an authenticator app so that a stolen password "
                  + "is not enough to get in.");
        state.setId("second-factor-state");
        add(state);
        if (!status.on()) {
            Button turnOn = new Button("Turn on", click -> UI.getCurrent().navigate(SecondFactorNavigation.ENROL_ROUTE));
            turnOn.setId("turn-on-second-factor");
            turnOn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(turnOn);
            return;
        }
        TextField code = new TextField("6-digit code");
        code.setId("turn-off-code");
        code.setAllowedCharPattern("[0-9 ]");
        Button turnOff = new Button("Turn off", click -> {
            if (secondFactors.turnOff(code.getValue())) {
                Notification.show("The second sign-in step is off.");
                render();
            } else {
                code.clear();
                code.setErrorMessage("That code is not right, or was already used.");
                code.setInvalid(true);
            }
        });
        turnOff.setId("turn-off-second-factor");
        add(code, turnOff);
    }
}
