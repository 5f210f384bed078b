package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.access.StaffInvitations;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffChangeRefusedException;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.StaffMember;

import java.util.function.Consumer;

/**
 * Invite a staff member: name, work email and role. The limits are the service's constants; the service checks
 * everything again and its refusal is shown beside the field it names.
 */
class StaffInviteForm extends Composite<FormLayout> {

    private final TextField name = new TextField("Name");
    private final EmailField email = new EmailField("Work email");
    private final RadioButtonGroup<String> role = new RadioButtonGroup<>("Role");
    private final Button send = new Button("Send invitation");

    StaffInviteForm(StaffInvitations invitations, Consumer<StaffMember> invited) {
        FormLayout form = getContent();
        form.setId("invite-form");
        form.addClassName("staff-invite-form");
        name.setId("invite-name");
        name.setMaxLength(StaffDirectory.MAX_NAME);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        email.setId("invite-email");
        email.setMaxLength(StaffDirectory.MAX_EMAIL);
        role.setId("invite-role");
        role.setItems(StaffDirectory.ROLES);
        role.setItemLabelGenerator(r -> Role.ADMIN.equals(r) ? "Admin: also settings, users and second factors" : "Staff");
        role.setValue(Role.STAFF);
        // The service's refusal stays beside its field until the next try, not replaced by the field's own check.
        name.setManualValidation(true);
        email.setManualValidation(true);
        role.setManualValidation(true);
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> {
            clearErrors();
            try {
                StaffMember member = invitations.invite(name.getValue(), email.getValue(), role.getValue());
                name.clear();
                email.clear();
                role.setValue(Role.STAFF);
                invited.accept(member);
            } catch (StaffChangeRefusedException refused) {
                HasValidation field = switch (refused.field() == null ? "" : refused.field()) {
                    case StaffDirectory.NAME -> name;
                    case StaffDirectory.ROLE -> role;
                    default -> email;
                };
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            }
        });
        form.add(new H2("Invite someone"), 2);
        form.add(name, email);
        form.add(role, 2);
        form.add(send);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {name, email, role}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }
}
