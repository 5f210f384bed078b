package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.SecondFactorService.StaffFactor;
import jakarta.annotation.security.RolesAllowed;

/**
 * Admins reset the second factor of a staff member who lost their phone and recovery codes; the staff member
 * sets up a new app at their next sign-in. Audited (decision 018).
 */
@Route(value = SecondFactorNavigation.STAFF_RESETS_ROUTE, layout = StaffLayout.class)
@Menu(title = "Staff second factors", order = 80)
@PageTitle("Staff second factors")
@RolesAllowed(Role.ADMIN)
class StaffSecondFactorsView extends Div {

    private final SecondFactorService secondFactors;
    private final Grid<StaffFactor> grid = new Grid<>();

    StaffSecondFactorsView(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
        grid.setId("staff-factors");
        grid.addColumn(StaffFactor::email).setHeader("Email");
        grid.addColumn(StaffFactor::name).setHeader("Name");
        grid.addColumn(StaffFactor::role).setHeader("Role");
        grid.addColumn(f -> f.on() ? "on" : "not set up").setHeader("Second factor");
        grid.addComponentColumn(f -> {
            Button reset = new Button("Reset", click -> {
                secondFactors.resetStaff(f.staffId());
                Notification.show("Reset: " + f.email() + " sets up a new app at the next sign-in.");
                refresh();
            });
            reset.setId("reset-staff-" + f.staffId());
            reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            reset.setEnabled(f.on());
            return reset;
        });
        add(new H1("Staff second factors"),
                new Paragraph("Reset the factor of a staff member who lost their phone and their recovery codes, "
                        + "after checking who is asking. They set up a new authenticator app at their next sign-in."),
                grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(secondFactors.staffFactors());
    }
}
