package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.payment.BankAccountKind;
import io.borrowerportal.payment.NewBankProfile;
import io.borrowerportal.payment.PaymentFields;
import io.borrowerportal.payment.PaymentProfileService;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.ProfileSummary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "New Bank Account Profile" for ACH debits. The account number is typed twice because a wrong one shows
 * up only when the debit comes back days later. Both account fields are emptied once saved or closed.
 * Used by the Payment Profiles tab and the payment wizard.
 */
class BankProfileDialog extends Dialog {

    private final PaymentProfileService profiles;
    private final Consumer<ProfileSummary> onSaved;

    private final TextField nickname = new TextField("Nickname (optional)");
    private final TextField holderName = new TextField("Account holder name");
    private final TextField routing = new TextField("Routing number");
    private final TextField account = new TextField("Account number");
    private final TextField accountConfirmation = new TextField("Confirm account number");
    private final RadioButtonGroup<BankAccountKind> accountType = new RadioButtonGroup<>("Account type");
    private final Checkbox primary = new Checkbox("Make this my primary method");
    private final Div alert = new Div();
    private final Map<String, HasValidation> fieldsByName = new LinkedHashMap<>();
    private final Map<HasValidation, Supplier<Optional<String>>> checks = new LinkedHashMap<>();

    BankProfileDialog(PaymentProfileService profiles, Consumer<ProfileSummary> onSaved) {
        this.profiles = profiles;
        this.onSaved = onSaved;
        setHeaderTitle("New Bank Account Profile");
        setId("bank-dialog");
        addClassName("profile-dialog");
        setCloseOnOutsideClick(false);

        nickname.setId("bank-nickname");
        nickname.setMaxLength(PaymentFields.NICKNAME_MAX);
        nickname.setHelperText("For example \"Household checking\"");
        holderName.setId("bank-name");
        holderName.setMaxLength(PaymentFields.NAME_MAX);
        holderName.setAutocomplete(Autocomplete.NAME);
        holderName.setRequired(true);
        routing.setId("bank-routing");
        routing.setMaxLength(PaymentFields.ROUTING_NUMBER_LENGTH + 2);
        routing.getElement().setAttribute("inputmode", "numeric");
        routing.setAutocomplete(Autocomplete.OFF);
        routing.setHelperText("9 digits, bottom left of your check");
        routing.setRequired(true);
        account.setId("bank-account");
        account.setMaxLength(PaymentFields.ACCOUNT_NUMBER_MAX + 4);
        account.getElement().setAttribute("inputmode", "numeric");
        account.setAutocomplete(Autocomplete.OFF);
        account.setHelperText(PaymentFields.ACCOUNT_NUMBER_MIN + " to " + PaymentFields.ACCOUNT_NUMBER_MAX
                + " digits, after the routing number on your check");
        account.setRequired(true);
        // Pasting stays possible (password managers, accessibility tools); the hint asks for typing.
        accountConfirmation.setId("bank-account-confirm");
        accountConfirmation.setMaxLength(PaymentFields.ACCOUNT_NUMBER_MAX + 4);
        accountConfirmation.getElement().setAttribute("inputmode", "numeric");
        accountConfirmation.setAutocomplete(Autocomplete.OFF);
        accountConfirmation.setHelperText("Type it again rather than pasting, so a typo shows up now");
        accountConfirmation.setRequired(true);
        accountType.setId("bank-type");
        accountType.setItems(BankAccountKind.values());
        accountType.setItemLabelGenerator(BankAccountKind::label);
        accountType.setRequired(true);
        primary.setId("bank-primary");

        check("holderName", holderName, () -> PaymentFields.holderName(holderName.getValue()));
        check("routingNumber", routing, () -> PaymentFields.routingNumber(routing.getValue()));
        check("accountNumber", account, () -> PaymentFields.accountNumber(account.getValue(), account.getValue()));
        check(null, accountConfirmation, this::confirmationProblem);
        check("accountType", accountType, () -> accountType.getValue() == null
                ? Optional.of("Choose checking or savings.") : Optional.empty());
        check("nickname", nickname, () -> PaymentFields.nickname(nickname.getValue()));
        holderName.addBlurListener(e -> validate(holderName));
        routing.addBlurListener(e -> validate(routing));
        account.addBlurListener(e -> {
            validate(account);
            if (!accountConfirmation.isEmpty()) {
                validate(accountConfirmation);
            }
        });
        accountConfirmation.addBlurListener(e -> validate(accountConfirmation));
        accountType.addValueChangeListener(e -> validate(accountType));
        nickname.addBlurListener(e -> validate(nickname));

        alert.setId("bank-alert");
        alert.addClassNames("alert", "alert-error", "profile-dialog-alert");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);

        FormLayout form = new FormLayout();
        form.addClassName("profile-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        form.add(holderName, 2);
        form.add(routing, 2);
        form.add(account, accountConfirmation);
        form.add(accountType, 2);
        form.add(nickname, 2);
        form.add(primary, 2);
        Paragraph note = new Paragraph("Your account number is stored encrypted; only its last four digits are "
                + "ever shown.");
        note.addClassName("profile-dialog-note");
        add(alert, form, note);

        Button save = new Button("Save bank account", e -> save());
        save.setId("bank-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("bank-cancel");
        getFooter().add(cancel, save);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                forgetSecrets();
            }
        });
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
            if (firstInvalid instanceof Focusable<?> focusable) {
                focusable.focus();
            }
            return;
        }
        ProfileSummary saved;
        try {
            saved = profiles.addBank(new NewBankProfile(nickname.getValue(), holderName.getValue(), routing.getValue(),
                    account.getValue(), accountConfirmation.getValue(), accountType.getValue(), primary.getValue()));
        } catch (PaymentRefusedException refused) {
            showRefusal(refused);
            return;
        }
        forgetSecrets();
        close();
        // At the top: at the bottom it would lie over the payment form's buttons on a phone.
        Notification.show("Bank account saved", 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        onSaved.accept(saved);
    }

    private Optional<String> confirmationProblem() {
        if (PaymentFields.accountNumber(account.getValue(), account.getValue()).isPresent()) {
            return Optional.empty(); // the account field says what is wrong first
        }
        return PaymentFields.accountNumber(account.getValue(), accountConfirmation.getValue());
    }

    private void showRefusal(PaymentRefusedException refused) {
        HasValidation field = refused.field() == null ? null : fieldsByName.get(refused.field());
        if (field == null) {
            alert.setText(refused.getMessage());
            alert.setVisible(true);
        } else {
            field.setErrorMessage(refused.getMessage());
            field.setInvalid(true);
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        }
    }

    private void check(String name, HasValidation field, Supplier<Optional<String>> problem) {
        if (name != null) {
            fieldsByName.put(name, field);
        }
        checks.put(field, problem);
        field.setManualValidation(true);
    }

    private boolean validate(HasValidation field) {
        Optional<String> problem = checks.get(field).get();
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    private void forgetSecrets() {
        account.clear();
        accountConfirmation.clear();
    }
}
