package io.borrowerportal.settings;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * The lender's payment rules, set in the admin settings. The payment service enforces every one of them;
 * the website only hides what is not allowed.
 *
 * @param enabled           the Payments section and the "Make a Payment" button
 * @param profilesEnabled   the Payment Profiles tab
 * @param maxDaysAhead      how far in the future a payment may be dated (0 = today only)
 * @param nsfFee            charged to the loan when a bank payment is returned (0 = none)
 * @param remittanceAddress where a mailed payment goes, one line per row, for the payoff quote letter
 */
public record PaymentSettings(boolean enabled, boolean profilesEnabled, boolean cardAllowed, boolean bankAllowed,
                              Set<PaymentType> types, BigDecimal minimumAmount, BigDecimal maximumAmount,
                              int maxDaysAhead, FeeRule cardFee, FeeRule bankFee, BigDecimal nsfFee,
                              String remittanceAddress) {

    public static final int MAX_DAYS_AHEAD_LIMIT = 365;

    public PaymentSettings {
        types = Set.copyOf(types);
        Objects.requireNonNull(minimumAmount, "minimumAmount");
        Objects.requireNonNull(maximumAmount, "maximumAmount");
        Objects.requireNonNull(cardFee, "cardFee");
        Objects.requireNonNull(bankFee, "bankFee");
        Objects.requireNonNull(nsfFee, "nsfFee");
        remittanceAddress = remittanceAddress == null ? "" : remittanceAddress;
        SettingsRules.require(SettingsRules.minimumPayment(minimumAmount),
                SettingsRules.maximumPayment(minimumAmount, maximumAmount),
                SettingsRules.maxDaysAhead(maxDaysAhead),
                SettingsRules.nsfFee(nsfFee),
                SettingsRules.feeWithinPayment(cardFee.kind(), cardFee.value(), minimumAmount),
                SettingsRules.feeWithinPayment(bankFee.kind(), bankFee.value(), minimumAmount),
                SettingsRules.channels(enabled, cardAllowed, bankAllowed),
                SettingsRules.paymentTypes(enabled, types),
                SettingsRules.remittanceAddress(remittanceAddress));
    }

    public boolean allows(PaymentType type) {
        return types.contains(type);
    }

    public PaymentSettings withFees(FeeRule card, FeeRule bank) {
        return new PaymentSettings(enabled, profilesEnabled, cardAllowed, bankAllowed, types, minimumAmount,
                maximumAmount, maxDaysAhead, card, bank, nsfFee, remittanceAddress);
    }

    public PaymentSettings withChannels(boolean card, boolean bank) {
        return new PaymentSettings(enabled, profilesEnabled, card, bank, types, minimumAmount, maximumAmount,
                maxDaysAhead, cardFee, bankFee, nsfFee, remittanceAddress);
    }

    public PaymentSettings withTypes(Set<PaymentType> allowed) {
        return new PaymentSettings(enabled, profilesEnabled, cardAllowed, bankAllowed, allowed, minimumAmount,
                maximumAmount, maxDaysAhead, cardFee, bankFee, nsfFee, remittanceAddress);
    }

    public PaymentSettings withLimits(BigDecimal minimum, BigDecimal maximum, int daysAhead) {
        return new PaymentSettings(enabled, profilesEnabled, cardAllowed, bankAllowed, types, minimum, maximum,
                daysAhead, cardFee, bankFee, nsfFee, remittanceAddress);
    }

    public PaymentSettings withEnabled(boolean payments, boolean profiles) {
        return new PaymentSettings(payments, profiles, cardAllowed, bankAllowed, types, minimumAmount,
                maximumAmount, maxDaysAhead, cardFee, bankFee, nsfFee, remittanceAddress);
    }
}
