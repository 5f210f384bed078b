package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.paymentprofile.ProfileSummary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the card and bank dialogs share: each field is checked with the same rules the service applies,
 * as the customer leaves it and again on Save; a refusal from the service lands on the field it names (or
 * above the form); the typed secrets are forgotten when the dialog closes, saved or not.
 */
abstract class ProfileDialog extends Dialog {

    protected final Div alert = new Div();
    private final Consumer<ProfileSummary> onSaved;
    private final String savedMessage;
    private final Map<String, HasValidation> fieldsByName = new LinkedHashMap<>();
    private final Map<HasValidation, Supplier<Optional<String>>> checks = new LinkedHashMap<>();

    /** @param idPrefix "card" or "bank": the dialog is "card-dialog", its buttons "card-save", "card-cancel" */
    ProfileDialog(String title, String idPrefix, String saveText, String savedMessage,
                  Consumer<ProfileSummary> onSaved) {
        this.onSaved = onSaved;
        this.savedMessage = savedMessage;
        setHeaderTitle(title);
        setId(idPrefix + "-dialog");
        addClassName("profile-dialog");
        // A form's width on a desktop, the whole screen on a phone.
        setWidth("40rem");
        setMaxWidth("100%");
        setCloseOnOutsideClick(false);
        alert.setId(idPrefix + "-alert");
        alert.addClassNames("alert", "alert-error", "profile-dialog-alert");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);

        Button save = new Button(saveText, e -> save());
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId(idPrefix + "-cancel");
        getFooter().add(cancel, save);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                forgetSecrets();
            }
        });
    }

    /** Sends the form to the service. */
    abstract ProfileSummary submit();

    /** Empties the fields that held a card number, CVV or account number. */
    abstract void forgetSecrets();

    /** Registers a field's rule; {@code name} is the service's field name for refusals (null: none). */
    void check(String name, HasValidation field, Supplier<Optional<String>> problem) {
        if (name != null) {
            fieldsByName.put(name, field);
        }
        checks.put(field, problem);
        // Field state comes from these checks, not from the web component's own constraints.
        field.setManualValidation(true);
    }

    /** Shows the field's problem, or clears it; true when the value is acceptable. */
    boolean validate(HasValidation field) {
        return Fields.check(field, checks.get(field).get());
    }

    private void save() {
        alert.setVisible(false);
        HasValidation firstInvalid = null;
        for (HasValidation field : checks.keySet()) {
            if (!validate(field) && firstInvalid == null) {
                firstInvalid = field;
            }
        }
        if (firstInvalid != null) {
            focus(firstInvalid);
            return;
        }
        ProfileSummary saved;
        try {
            saved = submit();
        } catch (ProfileRefusedException refused) {
            showRefusal(refused);
            return;
        }
        forgetSecrets();
        close();
        // At the top: at the bottom it would lie over the payment form's buttons on a phone.
        Notification.show(savedMessage, 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        onSaved.accept(saved);
    }

    private void showRefusal(ProfileRefusedException refused) {
        HasValidation field = refused.field() == null ? null : fieldsByName.get(refused.field());
        if (field == null) {
            alert.setText(refused.getMessage());
            alert.setVisible(true);
        } else {
            Fields.check(field, Optional.of(refused.getMessage()));
            focus(field);
        }
    }

    private static void focus(HasValidation field) {
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
