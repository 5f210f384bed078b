package io.borrowerportal.settings;

import java.time.LocalTime;
import java.util.Set;

/**
 * The lender's AutoPay rules, set in the admin settings. The AutoPay service enforces every one of them;
 * the website only hides what is not allowed.
 *
 * @param enabled              the AutoPay tab and the daily AutoPay run
 * @param customerMayCreate    customers may schedule a new AutoPay
 * @param customerMayEdit      customers may change an AutoPay
 * @param customerMayCancel    customers may cancel (or pause) an AutoPay; otherwise they call the lender
 * @param maxActivePerAccount  AutoPays that may be active or paused on one loan at once, by all its borrowers
 * @param runTime              time of day, in the lender's time zone, the daily AutoPay run starts
 */
public record AutoPaySettings(boolean enabled, boolean customerMayCreate, boolean customerMayEdit,
                              boolean customerMayCancel, Set<AutoPayFrequency> frequencies,
                              Set<AutoPayAmountType> amountTypes, int maxActivePerAccount, LocalTime runTime) {

    public static final int MAX_ACTIVE_LIMIT = 10;

    public AutoPaySettings {
        frequencies = Set.copyOf(frequencies);
        amountTypes = Set.copyOf(amountTypes);
        if (runTime == null) {
            throw new IllegalArgumentException("Enter the time the daily AutoPay run starts");
        }
        // AutoPay on with nothing to offer: the wizard would open with nothing to choose and no reason given
        SettingsRules.require(SettingsRules.autopayMaxActive(maxActivePerAccount),
                SettingsRules.autopayFrequencies(enabled, frequencies),
                SettingsRules.autopayAmountTypes(enabled, amountTypes));
    }

    public boolean offers(AutoPayFrequency frequency) {
        return frequencies.contains(frequency);
    }

    public boolean offers(AutoPayAmountType type) {
        return amountTypes.contains(type);
    }

    public AutoPaySettings withEnabled(boolean on) {
        return new AutoPaySettings(on, customerMayCreate, customerMayEdit, customerMayCancel, frequencies, amountTypes,
                maxActivePerAccount, runTime);
    }

    public AutoPaySettings withCustomerRights(boolean create, boolean edit, boolean cancel) {
        return new AutoPaySettings(enabled, create, edit, cancel, frequencies, amountTypes, maxActivePerAccount, runTime);
    }

    public AutoPaySettings withOffered(Set<AutoPayFrequency> offeredFrequencies, Set<AutoPayAmountType> offeredTypes) {
        return new AutoPaySettings(enabled, customerMayCreate, customerMayEdit, customerMayCancel, offeredFrequencies,
                offeredTypes, maxActivePerAccount, runTime);
    }

    public AutoPaySettings withLimits(int maxActive, LocalTime time) {
        return new AutoPaySettings(enabled, customerMayCreate, customerMayEdit, customerMayCancel, frequencies,
                amountTypes, maxActive, time);
    }
}
