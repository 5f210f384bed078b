package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.common.CardBrand;
import io.borrowerportal.common.CardNumber;
import io.borrowerportal.common.Digits;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileFields;
import io.borrowerportal.paymentprofile.ProfileSummary;

import java.time.Clock;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * "New Credit/Debit Card Profile": the card is checked field by field as the customer leaves each field
 * and again on Save, then verified by the processor through {@link PaymentProfileService#addCard}. The
 * number and security code live only in the two fields, which are emptied once the card is saved; they
 * never reach a notification, an id or a log line. Used by the Payment Profiles tab and the payment wizard; in
 * Make a Payment the card pays that payment only, unless the customer checks "Save for later".
 */
class CardProfileDialog extends ProfileDialog<NewCardProfile> {

    private static final int CARD_NUMBER_FIELD_MAX = 23; // 19 digits with the spaces people type

    private final PaymentProfileService profiles;
    private final YearMonth currentMonth;

    private final TextField nickname = new TextField("Nickname (optional)");
    private final TextField holderName = new TextField("Name on card");
    private final TextField number = new TextField("Card number");
    private final Select<Integer> expiryMonth = new Select<>();
    private final Select<Integer> expiryYear = new Select<>();
    private final PasswordField cvv = new PasswordField("Security code (CVV)");
    private final TextField billingZip = new TextField("Billing ZIP code");
    private final Checkbox primary = new Checkbox("Make this my primary method");
    /** Null on the Payment Profiles tab, where every card is saved. */
    private final Checkbox saveForLater;

    /**
     * @param oneTimeOffered entered while making a payment: the card pays that payment only unless the customer
     *                       checks "Save for later"
     */
    CardProfileDialog(PaymentProfileService profiles, Clock clock, boolean oneTimeOffered,
                      Consumer<ProfileSummary> onSaved) {
        super(NewCardProfile.class, oneTimeOffered ? "New Credit/Debit Card" : "New Credit/Debit Card Profile", "card",
                oneTimeOffered ? "Use this card" : "Save card", "Card saved", onSaved);
        this.profiles = profiles;
        this.currentMonth = YearMonth.now(clock);
        this.saveForLater = oneTimeOffered ? saveForLater("card", "card", nickname, primary) : null;

        nickname.setId("card-nickname");
        nickname.setMaxLength(ProfileFields.NICKNAME_MAX);
        nickname.setHelperText("For example \"Everyday Visa\"");
        holderName.setId("card-name");
        holderName.setMaxLength(ProfileFields.NAME_MAX);
        holderName.setAutocomplete(Autocomplete.CC_NAME);
        holderName.setRequired(true);
        number.setId("card-number");
        number.setMaxLength(CARD_NUMBER_FIELD_MAX);
        number.setAutocomplete(Autocomplete.CC_NUMBER);
        number.getElement().setAttribute("inputmode", "numeric");
        number.setRequired(true);
        number.addValueChangeListener(e -> showBrand());
        expiryMonth.setId("card-exp-month");
        expiryMonth.setLabel("Expiration month");
        expiryMonth.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        expiryMonth.setItemLabelGenerator(month -> "%02d – %s".formatted(month,
                Month.of(month).getDisplayName(TextStyle.FULL, Locale.US)));
        expiryMonth.setRequiredIndicatorVisible(true);
        expiryMonth.getElement().setAttribute("autocomplete", "cc-exp-month");
        expiryYear.setId("card-exp-year");
        expiryYear.setLabel("Expiration year");
        expiryYear.setItems(IntStream.rangeClosed(currentMonth.getYear(),
                currentMonth.getYear() + ProfileFields.EXPIRY_YEARS_AHEAD_MAX).boxed().toList());
        expiryYear.setItemLabelGenerator(String::valueOf);
        expiryYear.setRequiredIndicatorVisible(true);
        expiryYear.getElement().setAttribute("autocomplete", "cc-exp-year");
        cvv.setId("card-cvv");
        cvv.setAutocomplete(Autocomplete.CC_CSC);
        cvv.setMinLength(3);
        cvv.setMaxLength(4);
        cvv.getElement().setAttribute("inputmode", "numeric");
        cvv.setHelperText("3 digits on the back; American Express: 4 digits on the front");
        cvv.setRequired(true);
        billingZip.setId("card-zip");
        billingZip.setMaxLength(10);
        billingZip.setAutocomplete(Autocomplete.POSTAL_CODE);
        billingZip.getElement().setAttribute("inputmode", "numeric");
        billingZip.setRequired(true);
        primary.setId("card-primary");

        bind(nickname, "nickname", ProfileFields::nickname);
        bind(holderName, "holderName", ProfileFields::holderName);
        bind(number, "cardNumber", CardNumber::problem);
        bind(expiryMonth, "expiryMonth", month -> expiryProblem());
        bind(expiryYear, "expiryYear", year -> year == null
                ? Optional.of("Choose the expiration year printed on your card.") : Optional.empty());
        bind(cvv, "cvv", code -> ProfileFields.cvv(code, brand()));
        bind(billingZip, "billingZip", ProfileFields::zip);
        binder.forField(primary).bind("makePrimary");
        nickname.addBlurListener(e -> validate("nickname"));
        holderName.addBlurListener(e -> validate("holderName"));
        number.addBlurListener(e -> validate("cardNumber"));
        expiryMonth.addBlurListener(e -> validateExpiryOnceChosen());
        expiryYear.addBlurListener(e -> validateExpiryOnceChosen());
        expiryMonth.addValueChangeListener(e -> validateExpiryOnceChosen());
        expiryYear.addValueChangeListener(e -> validateExpiryOnceChosen());
        cvv.addBlurListener(e -> validate("cvv"));
        billingZip.addBlurListener(e -> validate("billingZip"));

        FormLayout form = new FormLayout();
        form.addClassName("profile-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28em", 2));
        form.add(holderName, 2);
        form.add(number, 2);
        form.add(expiryMonth, expiryYear, cvv, billingZip);
        if (saveForLater != null) {
            form.add(saveForLater, 2);
        }
        form.add(nickname, 2);
        form.add(primary, 2);
        Paragraph note = new Paragraph("We check the card with our payment processor. The security code is used "
                + "once for that check and is never stored.");
        note.addClassName("profile-dialog-note");
        add(alert, form, note);

    }

    private void validateExpiryOnceChosen() {
        if (expiryMonth.getValue() != null && expiryYear.getValue() != null) {
            validate("expiryMonth");
            validate("expiryYear");
        }
    }

    private Optional<String> expiryProblem() {
        if (expiryMonth.getValue() == null) {
            return Optional.of("Choose the expiration month printed on your card.");
        }
        if (expiryYear.getValue() == null) {
            return Optional.empty(); // the year field says what is missing
        }
        return ProfileFields.expiry(expiryMonth.getValue(), expiryYear.getValue(), currentMonth);
    }

    private CardBrand brand() {
        return CardBrand.detect(Digits.of(number.getValue()));
    }

    private void showBrand() {
        CardBrand brand = brand();
        number.setHelperText(brand == CardBrand.OTHER ? null : brand.displayName());
    }

    /** The number and code leave the server's memory with the fields, whether the card was saved or not. */
    @Override
    ProfileSummary submit(NewCardProfile card) {
        return saveForLater == null || saveForLater.getValue() ? profiles.addCard(card)
                : profiles.cardForOnePayment(card);
    }

    @Override
    String savedMessage(ProfileSummary saved) {
        return saved.onFile() ? "Card saved" : "Card added to this payment";
    }

    /** The service names the expiry as one field; the form shows it on the month. */
    @Override
    String property(String refusedField) {
        return "expiry".equals(refusedField) ? "expiryMonth" : refusedField;
    }

    @Override
    void forgetSecrets() {
        number.clear();
        cvv.clear();
        number.setHelperText(null);
    }
}
