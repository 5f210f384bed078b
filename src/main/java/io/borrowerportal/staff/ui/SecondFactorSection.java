package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import io.borrowerportal.base.ui.StaffCustomerSection;
import io.borrowerportal.security.SecondFactorService;

/**
 * The customer's second factor on their staff page: whether it is on, and the reset for a customer who lost
 * their phone and their recovery codes. Staff check who is calling first; the reset is audited and the customer
 * is told by email (decision 018).
 */
@org.springframework.stereotype.Component
class SecondFactorSection implements StaffCustomerSection {

    private final SecondFactorService secondFactors;

    SecondFactorSection(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public com.vaadin.flow.component.Component render(long customerId) {
        Div section = new Div();
        section.setId("second-factor-section");
        Paragraph state = new Paragraph();
        state.setId("second-factor-status");
        Button reset = new Button("Reset second factor");
        reset.setId("reset-second-factor");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR);
        show(customerId, state, reset);
        reset.addClickListener(click -> {
            secondFactors.resetCustomer(customerId);
            Notification.show("Second factor reset; the customer was emailed.");
            show(customerId, state, reset);
        });
        section.add(new H2("Second factor"), state, reset);
        return section;
    }

    private void show(long customerId, Paragraph state, Button reset) {
        boolean on = secondFactors.customerHasFactor(customerId);
        state.setText("Second factor: " + (on ? "on" : "off"));
        reset.setEnabled(on);
    }
}
