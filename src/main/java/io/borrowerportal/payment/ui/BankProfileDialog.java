package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.payment.BankAccountKind;
import io.borrowerportal.payment.NewBankProfile;
import io.borrowerportal.payment.PaymentFields;
import io.borrowerportal.payment.PaymentProfileService;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.ProfileSummary;

import java.util.Map;
import java.util.function.Consumer;

/**
 * "New Bank Account Profile". The account number is typed twice because a wrong one is found out only
 * when the bank returns the debit days later.
 */
class BankProfileDialog extends Dialog {

    private final TextField nickname = new TextField("Nickname (optional)");
    private final TextField name = new TextField("Account holder name");
    private final TextField routing = new TextField("Routing number");
    private final TextField account = new TextField("Account number");
    private final TextField confirm = new TextField("Confirm account number");
    private final RadioButtonGroup<BankAccountKind> kind = new RadioButtonGroup<>("Account type");
    private final Checkbox primary = new Checkbox("Make this my primary payment method");
    private final Div error = ProfileDialogs.errorArea("bank-error");

    BankProfileDialog(PaymentProfileService profiles, Consumer<ProfileSummary> onSaved) {
        setHeaderTitle("New Bank Account Profile");
        setId("bank-dialog");
        addClassName("profile-dialog");
        nickname.setId("bank-nickname");
        nickname.setMaxLength(PaymentFields.NICKNAME_MAX);
        name.setId("bank-name");
        name.setMaxLength(PaymentFields.NAME_MAX);
        routing.setId("bank-routing");
        routing.setMaxLength(PaymentFields.ROUTING_NUMBER_LENGTH + 2);
        routing.getElement().setAttribute("inputmode", "numeric");
        routing.setHelperText("9 digits, bottom left of your check");
        account.setId("bank-account");
        account.setMaxLength(PaymentFields.ACCOUNT_NUMBER_MAX + 4);
        account.getElement().setAttribute("inputmode", "numeric");
        confirm.setId("bank-account-confirm");
        confirm.setMaxLength(PaymentFields.ACCOUNT_NUMBER_MAX + 4);
        confirm.getElement().setAttribute("inputmode", "numeric");
        kind.setId("bank-type");
        kind.setItems(BankAccountKind.values());
        kind.setItemLabelGenerator(BankAccountKind::label);
        kind.setValue(BankAccountKind.CHECKING);
        primary.setId("bank-primary");

        name.addValueChangeListener(e -> ProfileDialogs.check(name, PaymentFields.holderName(name.getValue())));
        routing.addValueChangeListener(e -> ProfileDialogs.check(routing, PaymentFields.routingNumber(routing.getValue())));
        confirm.addValueChangeListener(e -> checkAccount());
        nickname.addValueChangeListener(e -> ProfileDialogs.check(nickname, PaymentFields.nickname(nickname.getValue())));

        FormLayout form = new FormLayout(nickname, name, routing, kind, account, confirm, primary);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
        form.setColspan(nickname, 2);
        form.setColspan(name, 2);
        form.setColspan(primary, 2);
        add(error, form);

        Map<String, HasValidation> fields = Map.of("nickname", nickname, "holderName", name, "routingNumber", routing,
                "accountNumber", account, "accountType", kind);
        Button save = new Button("Save bank account", click -> {
            boolean valid = ProfileDialogs.check(name, PaymentFields.holderName(name.getValue()))
                    & ProfileDialogs.check(routing, PaymentFields.routingNumber(routing.getValue()))
                    & checkAccount()
                    & ProfileDialogs.check(nickname, PaymentFields.nickname(nickname.getValue()));
            if (!valid) {
                return;
            }
            try {
                ProfileSummary saved = profiles.addBank(new NewBankProfile(nickname.getValue(), name.getValue(),
                        routing.getValue(), account.getValue(), confirm.getValue(), kind.getValue(), primary.getValue()));
                close();
                onSaved.accept(saved);
            } catch (PaymentRefusedException refused) {
                ProfileDialogs.show(refused, fields, error);
            }
        });
        save.setId("bank-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("bank-cancel");
        getFooter().add(cancel, save);
    }

    private boolean checkAccount() {
        confirm.setInvalid(false);
        return ProfileDialogs.check(account, PaymentFields.accountNumber(account.getValue(), confirm.getValue()));
    }
}
