package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.common.BankAccountNumber;
import io.borrowerportal.common.RoutingNumber;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewBankProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileFields;
import io.borrowerportal.paymentprofile.ProfileSummary;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * "New Bank Account Profile" for ACH debits. The account number is typed twice because a wrong one shows
 * up only when the debit comes back days later. Both account fields are emptied once saved or closed.
 * Used by the Payment Profiles tab and the payment wizard; in Make a Payment the account pays that payment
 * only, unless the customer checks "Save for later".
 */
class BankProfileDialog extends ProfileDialog<NewBankProfile> {

    private final PaymentProfileService profiles;

    private final TextField nickname = new TextField("Nickname (optional)");
    private final TextField holderName = new TextField("Account holder name");
    private final TextField routing = new TextField("Routing number");
    private final TextField account = new TextField("Account number");
    private final TextField accountConfirmation = new TextField("Confirm account number");
    private final RadioButtonGroup<BankAccountKind> accountType = new RadioButtonGroup<>("Account type");
    private final Checkbox primary = new Checkbox("Make this my primary method");
    /** Null on the Payment Profiles tab, where every bank account is saved. */
    private final Checkbox saveForLater;

    /**
     * @param oneTimeOffered entered while making a payment: the account pays that payment only unless the
     *                       customer checks "Save for later"
     */
    BankProfileDialog(PaymentProfileService profiles, boolean oneTimeOffered, Consumer<ProfileSummary> onSaved) {
        super(NewBankProfile.class, oneTimeOffered ? "New Bank Account" : "New Bank Account Profile", "bank",
                oneTimeOffered ? "Use this bank account" : "Save bank account", "Bank account saved", onSaved);
        this.profiles = profiles;
        this.saveForLater = oneTimeOffered ? saveForLater("bank", "bank account", nickname, primary) : null;

        nickname.setId("bank-nickname");
        nickname.setMaxLength(ProfileFields.NICKNAME_MAX);
        nickname.setHelperText("For example \"Household checking\"");
        holderName.setId("bank-name");
        holderName.setMaxLength(ProfileFields.NAME_MAX);
        holderName.setAutocomplete(Autocomplete.NAME);
        holderName.setRequired(true);
        routing.setId("bank-routing");
        routing.setMaxLength(RoutingNumber.LENGTH + 2);
        routing.getElement().setAttribute("inputmode", "numeric");
        routing.setAutocomplete(Autocomplete.OFF);
        routing.setHelperText("9 digits, bottom left of your check");
        routing.setRequired(true);
        account.setId("bank-account");
        account.setMaxLength(BankAccountNumber.MAX_DIGITS + 4);
        account.getElement().setAttribute("inputmode", "numeric");
        account.setAutocomplete(Autocomplete.OFF);
        account.setHelperText(BankAccountNumber.MIN_DIGITS + " to " + BankAccountNumber.MAX_DIGITS
                + " digits, after the routing number on your check");
        account.setRequired(true);
        // Pasting stays possible (password managers, accessibility tools); the hint asks for typing.
        accountConfirmation.setId("bank-account-confirm");
        accountConfirmation.setMaxLength(BankAccountNumber.MAX_DIGITS + 4);
        accountConfirmation.getElement().setAttribute("inputmode", "numeric");
        accountConfirmation.setAutocomplete(Autocomplete.OFF);
        accountConfirmation.setHelperText("Type it again rather than pasting, so a typo shows up now");
        accountConfirmation.setRequired(true);
        accountType.setId("bank-type");
        accountType.setItems(BankAccountKind.values());
        accountType.setItemLabelGenerator(BankAccountKind::label);
        accountType.setRequired(true);
        primary.setId("bank-primary");

        bind(holderName, "holderName", ProfileFields::holderName);
        bind(routing, "routingNumber", RoutingNumber::problem);
        bind(account, "accountNumber", BankAccountNumber::problem);
        bind(accountConfirmation, "accountNumberConfirmation", this::confirmationProblem);
        bind(accountType, "accountType", kind -> kind == null
                ? Optional.of("Choose checking or savings.") : Optional.empty());
        bind(nickname, "nickname", ProfileFields::nickname);
        binder.forField(primary).bind("makePrimary");
        holderName.addBlurListener(e -> validate("holderName"));
        routing.addBlurListener(e -> validate("routingNumber"));
        account.addBlurListener(e -> {
            validate("accountNumber");
            if (!accountConfirmation.isEmpty()) {
                validate("accountNumberConfirmation");
            }
        });
        accountConfirmation.addBlurListener(e -> validate("accountNumberConfirmation"));
        nickname.addBlurListener(e -> validate("nickname"));

        FormLayout form = new FormLayout();
        form.addClassName("profile-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        form.add(holderName, 2);
        form.add(routing, 2);
        form.add(account, accountConfirmation);
        form.add(accountType, 2);
        if (saveForLater != null) {
            form.add(saveForLater, 2);
        }
        form.add(nickname, 2);
        form.add(primary, 2);
        Paragraph note = new Paragraph("Your account number is stored encrypted; only its last four digits are "
                + "ever shown.");
        note.addClassName("profile-dialog-note");
        add(alert, form, note);

    }

    private Optional<String> confirmationProblem(String confirmation) {
        if (BankAccountNumber.problem(account.getValue()).isPresent()) {
            return Optional.empty(); // the account field says what is wrong first
        }
        return BankAccountNumber.problem(account.getValue(), confirmation);
    }

    @Override
    ProfileSummary submit(NewBankProfile bank) {
        return saveForLater == null || saveForLater.getValue() ? profiles.addBank(bank)
                : profiles.bankForOnePayment(bank);
    }

    @Override
    String savedMessage(ProfileSummary saved) {
        return saved.onFile() ? "Bank account saved" : "Bank account added to this payment";
    }

    @Override
    void forgetSecrets() {
        account.clear();
        accountConfirmation.clear();
    }
}
