package io.borrowerportal.autopay;

import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.FeeRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the "Schedule AutoPay" wizard may offer on this loan now.
 *
 * @param profiles  the customer's usable profiles of the channels the lender accepts
 * @param refusal   why no AutoPay can be scheduled (AutoPay off, limit reached, paid off), or null
 * @param balanceUnderReview the balance differs from the servicing system's (decision 032): only a fixed amount is
 *                  offered, and no figure from the balance (amount due, payoff, scheduled payment) is quoted
 */
public record AutoPayOptions(String loanNumber, String title, List<ProfileSummary> profiles,
                             Set<AutoPayFrequency> frequencies, Set<AutoPayAmountType> amountTypes,
                             BigDecimal minimum, BigDecimal maximum, LocalDate earliestStart, LocalDate latestStart,
                             LocalDate nextDueDate, BigDecimal scheduledPayment, BigDecimal amountDue,
                             BigDecimal payoffAmount, boolean cardAllowed, boolean bankAllowed, FeeRule cardFee,
                             FeeRule bankFee, String supportPhone, String refusal, boolean balanceUnderReview) {

    public AutoPayOptions {
        profiles = List.copyOf(profiles);
        frequencies = Set.copyOf(frequencies);
        amountTypes = Set.copyOf(amountTypes);
    }
}
