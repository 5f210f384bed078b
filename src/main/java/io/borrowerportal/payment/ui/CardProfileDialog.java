package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.payment.CardBrand;
import io.borrowerportal.payment.NewCardProfile;
import io.borrowerportal.payment.PaymentFields;
import io.borrowerportal.payment.PaymentProfileService;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.ProfileSummary;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "New Credit/Debit Card Profile". Each field is checked with {@link PaymentFields} as it is left, and the
 * service checks again (and asks the processor) on save; a refusal lands on the field it names.
 */
class CardProfileDialog extends Dialog {

    private final TextField nickname = new TextField("Nickname (optional)");
    private final TextField name = new TextField("Name on card");
    private final TextField number = new TextField("Card number");
    private final IntegerField month = new IntegerField("Expiration month");
    private final IntegerField year = new IntegerField("Expiration year");
    private final PasswordField cvv = new PasswordField("Security code (CVV)");
    private final TextField zip = new TextField("Billing ZIP code");
    private final Checkbox primary = new Checkbox("Make this my primary payment method");
    private final Div error = ProfileDialogs.errorArea("card-error");

    CardProfileDialog(PaymentProfileService profiles, Clock clock, Consumer<ProfileSummary> onSaved) {
        setHeaderTitle("New Credit/Debit Card Profile");
        setId("card-dialog");
        addClassName("profile-dialog");
        nickname.setId("card-nickname");
        nickname.setMaxLength(PaymentFields.NICKNAME_MAX);
        name.setId("card-name");
        name.setMaxLength(PaymentFields.NAME_MAX);
        name.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CC_NAME);
        number.setId("card-number");
        // Room for spaces or dashes between the digit groups, which the service strips.
        number.setMaxLength(PaymentFields.CARD_NUMBER_MAX + 6);
        number.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CC_NUMBER);
        number.getElement().setAttribute("inputmode", "numeric");
        number.setHelperText("Digits only; spaces are fine");
        month.setId("card-exp-month");
        month.setMin(1);
        month.setMax(12);
        month.setPlaceholder("MM");
        year.setId("card-exp-year");
        int thisYear = YearMonth.now(clock).getYear();
        year.setMin(thisYear);
        year.setMax(thisYear + PaymentFields.EXPIRY_YEARS_AHEAD_MAX);
        year.setPlaceholder("YYYY");
        cvv.setId("card-cvv");
        cvv.setMaxLength(4);
        cvv.getElement().setAttribute("inputmode", "numeric");
        cvv.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CC_CSC);
        zip.setId("card-zip");
        zip.setMaxLength(10);
        zip.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.POSTAL_CODE);
        primary.setId("card-primary");

        number.addValueChangeListener(e -> ProfileDialogs.check(number, PaymentFields.cardNumber(number.getValue())));
        month.addValueChangeListener(e -> checkExpiry(clock, false));
        year.addValueChangeListener(e -> checkExpiry(clock, false));
        cvv.addValueChangeListener(e -> ProfileDialogs.check(cvv, PaymentFields.cvv(cvv.getValue(), brand())));
        name.addValueChangeListener(e -> ProfileDialogs.check(name, PaymentFields.holderName(name.getValue())));
        zip.addValueChangeListener(e -> ProfileDialogs.check(zip, PaymentFields.zip(zip.getValue())));
        nickname.addValueChangeListener(e -> ProfileDialogs.check(nickname, PaymentFields.nickname(nickname.getValue())));

        FormLayout form = new FormLayout(nickname, name, number, month, year, cvv, zip, primary);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
        form.setColspan(nickname, 2);
        form.setColspan(name, 2);
        form.setColspan(number, 2);
        form.setColspan(primary, 2);
        add(error, form);

        Map<String, HasValidation> fields = Map.of("nickname", nickname, "holderName", name, "cardNumber", number,
                "expiry", month, "cvv", cvv, "billingZip", zip);
        Button save = new Button("Save card", click -> {
            boolean valid = ProfileDialogs.check(number, PaymentFields.cardNumber(number.getValue()))
                    & checkExpiry(clock, true)
                    & ProfileDialogs.check(cvv, PaymentFields.cvv(cvv.getValue(), brand()))
                    & ProfileDialogs.check(name, PaymentFields.holderName(name.getValue()))
                    & ProfileDialogs.check(zip, PaymentFields.zip(zip.getValue()))
                    & ProfileDialogs.check(nickname, PaymentFields.nickname(nickname.getValue()));
            if (!valid) {
                return;
            }
            try {
                ProfileSummary saved = profiles.addCard(new NewCardProfile(nickname.getValue(), name.getValue(),
                        number.getValue(), month.getValue(), year.getValue(), cvv.getValue(), zip.getValue(),
                        primary.getValue()));
                close();
                onSaved.accept(saved);
            } catch (PaymentRefusedException refused) {
                ProfileDialogs.show(refused, fields, error);
            }
        });
        save.setId("card-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("card-cancel");
        getFooter().add(cancel, save);
    }

    private CardBrand brand() {
        return CardBrand.detect(PaymentFields.digits(number.getValue()));
    }

    /** On save an empty month or year is an error; while typing it is only not finished yet. */
    private boolean checkExpiry(Clock clock, boolean required) {
        if (month.getValue() == null || year.getValue() == null) {
            if (!required) {
                return true;
            }
            IntegerField missing = month.getValue() == null ? month : year;
            return ProfileDialogs.check(missing, Optional.of("Enter the expiration month and year printed on your card."));
        }
        year.setInvalid(false);
        return ProfileDialogs.check(month, PaymentFields.expiry(month.getValue(), year.getValue(), YearMonth.now(clock)));
    }
}
