package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.base.ui.NewPasswordField;
import io.borrowerportal.security.PasswordPolicy;

import java.util.Optional;
import java.util.function.Function;

/**
 * A new password typed twice: the field explains the policy as it is typed, the second must match. The view's
 * action gets the password once both are right and answers the service's refusal, if any, which the field shows.
 */
class ChoosePasswordForm extends Composite<VerticalLayout> {

    private final NewPasswordField password;
    private final PasswordField confirm = new PasswordField("Type it again");

    ChoosePasswordForm(PasswordPolicy policy, String email, String action, Function<String, Optional<String>> onChosen) {
        password = new NewPasswordField(policy, () -> email);
        password.setId("new-password");
        confirm.setId("confirm-password");
        confirm.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Button save = new Button(action, click -> {
            boolean acceptable = password.validate();
            boolean same = Fields.check(confirm, confirm.getValue().equals(password.getValue())
                    ? Optional.empty() : Optional.of("The two passwords are not the same."));
            if (acceptable && same) {
                onChosen.apply(password.getValue()).ifPresent(password::showProblem);
            }
        });
        save.setId("choose-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        VerticalLayout layout = AccessPage.form(password, confirm, save);
        getContent().add(layout);
        getContent().setPadding(false);
    }
}
