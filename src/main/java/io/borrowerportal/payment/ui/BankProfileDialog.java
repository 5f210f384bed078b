package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.payment.BankAccountKind;
import io.borrowerportal.payment.NewBankProfile;
import io.borrowerportal.payment.PaymentFields;
import io.borrowerportal.payment.PaymentProfileService;
import io.borrowerportal.payment.ProfileSummary;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * "New Bank Account Profile" for ACH debits. The account number is typed twice because a wrong one shows
 * up only when the debit comes back days later. Both account fields are emptied once saved or closed.
 * Used by the Payment Profiles tab and the payment wizard.
 */
class BankProfileDialog extends ProfileDialog {

    private final PaymentProfileService profiles;

    private final TextField nickname = new TextField("Nickname (optional)");
    private final TextField holderName = new TextField("Account holder name");
    private final TextField routing = new TextField("Routing number");
    private final TextField account = new TextField("Account number");
    private final TextField accountConfirmation = new TextField("Confirm account number");
    private final RadioButtonGroup<BankAccountKind> accountType = new RadioButtonGroup<>("Account type");
    private final Checkbox primary = new Checkbox("Make this my primary method");

    BankProfileDialog(PaymentProfileService profiles, Consumer<ProfileSummary> onSaved) {
        super("New Bank Account Profile", "bank", "Save bank account", "Bank account saved", onSaved);
        this.profiles = profiles;

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

    }

    private Optional<String> confirmationProblem() {
        if (PaymentFields.accountNumber(account.getValue(), account.getValue()).isPresent()) {
            return Optional.empty(); // the account field says what is wrong first
        }
        return PaymentFields.accountNumber(account.getValue(), accountConfirmation.getValue());
    }

    @Override
    ProfileSummary submit() {
        return profiles.addBank(new NewBankProfile(nickname.getValue(), holderName.getValue(), routing.getValue(),
                account.getValue(), accountConfirmation.getValue(), accountType.getValue(), primary.getValue()));
    }

    @Override
    void forgetSecrets() {
        account.clear();
        accountConfirmation.clear();
    }
}
