package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatus;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.paymentprofile.ProfileSummary;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the card and bank dialogs share: a {@link Binder} maps the form to the record the service takes
 * ({@code NewCardProfile}, {@code NewBankProfile}); each field is checked with the same rule the service
 * applies, as the customer leaves it and again on Save; a refusal from the service lands on the field it
 * names (or above the form); the typed secrets are forgotten when the dialog closes, saved or not.
 *
 * @param <T> the record the form fills
 */
abstract class ProfileDialog<T extends Record> extends Dialog {

    protected final Div alert = new Div();
    protected final Binder<T> binder;
    private final Consumer<ProfileSummary> onSaved;
    private final String savedMessage;

    /** @param idPrefix "card" or "bank": the dialog is "card-dialog", its buttons "card-save", "card-cancel" */
    ProfileDialog(Class<T> form, String title, String idPrefix, String saveText, String savedMessage,
                  Consumer<ProfileSummary> onSaved) {
        this.binder = new Binder<>(form);
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

    /** Sends the filled record to the service. */
    abstract ProfileSummary submit(T form);

    /** Empties the fields that held a card number, CVV or account number. */
    abstract void forgetSecrets();

    /** What the customer is told once the service took the form. */
    String savedMessage(ProfileSummary saved) {
        return savedMessage;
    }

    /**
     * "Save for later", for a card or bank account entered while making a payment: unchecked, it pays that
     * payment only and is not kept in the profiles; checked, it is saved as a profile, and {@code savedOnly}
     * (the nickname and "primary") shows, for only a saved method has them.
     */
    static Checkbox saveForLater(String idPrefix, String what, Component... savedOnly) {
        Checkbox save = new Checkbox("Save for later");
        save.setId(idPrefix + "-save-for-later");
        save.setHelperText("Keep this " + what + " in your Payment Profiles to pay with it again. Unchecked, it pays "
                + "this payment only.");
        Runnable show = () -> {
            for (Component field : savedOnly) {
                field.setVisible(save.getValue());
                if (!save.getValue() && field instanceof HasValue<?, ?> value) {
                    value.clear(); // a hidden nickname must not block Save with an error the customer cannot see
                }
            }
        };
        save.addValueChangeListener(e -> show.run());
        show.run();
        return save;
    }

    /**
     * Binds a field to the record component {@code property} with the rule the service applies to it, and
     * shows that rule's answer as the customer leaves the field.
     */
    <V, F extends HasValue<?, V> & HasValidation> void bind(F field, String property, Function<V, Optional<String>> rule) {
        // Field state comes from these rules, not from the web component's own constraints.
        field.setManualValidation(true);
        binder.forField(field)
                .withValidator((value, context) -> rule.apply(value).map(ValidationResult::error)
                        .orElseGet(ValidationResult::ok))
                .bind(property);
    }

    /** Shows the rule's answer for the field bound to {@code property} now. */
    void validate(String property) {
        binder.getBinding(property).ifPresent(Binder.Binding::validate);
    }

    /** The record component a refusal's field name stands for (the service's names are the record's). */
    String property(String refusedField) {
        return refusedField;
    }

    private void save() {
        alert.setVisible(false);
        T form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException invalid) {
            invalid.getFieldValidationErrors().stream().findFirst().map(BindingValidationStatus::getField)
                    .ifPresent(ProfileDialog::focus);
            return;
        }
        ProfileSummary saved;
        try {
            saved = submit(form);
        } catch (ProfileRefusedException refused) {
            showRefusal(refused);
            return;
        }
        forgetSecrets();
        close();
        // At the top: at the bottom it would lie over the payment form's buttons on a phone.
        Notification.show(savedMessage(saved), 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        onSaved.accept(saved);
    }

    private void showRefusal(ProfileRefusedException refused) {
        HasValue<?, ?> bound = refused.field() == null ? null : binder.getBinding(property(refused.field()))
                .map(Binder.Binding::getField).orElse(null);
        if (!(bound instanceof HasValidation field)) {
            alert.setText(refused.getMessage());
            alert.setVisible(true);
        } else {
            Fields.check(field, Optional.of(refused.getMessage()));
            focus(field);
        }
    }

    private static void focus(Object field) {
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
