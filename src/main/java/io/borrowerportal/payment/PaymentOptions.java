package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * What the payment form may offer on this loan today, and the idempotency key for this form: a submit
 * with the same key never creates a second payment.
 *
 * @param refusal why no payment can be made (paid off, payments off), or null
 * @param balanceUnderReview the balance differs from the servicing system's: no figure from it is quoted (decision 032)
 */
public record PaymentOptions(String loanNumber, String title, String idempotencyKey, Set<PaymentType> types,
                             BigDecimal amountDue, BigDecimal payoffAmount, BigDecimal principalBalance,
                             LocalDate nextDueDate, BigDecimal minimum, BigDecimal maximum, LocalDate earliestDate,
                             LocalDate latestDate, LocalTime cutoff, boolean afterCutoff, boolean cardAllowed,
                             boolean bankAllowed, FeeRule cardFee, FeeRule bankFee, List<ProfileSummary> profiles,
                             String refusal, boolean balanceUnderReview) {

    public PaymentOptions {
        types = Set.copyOf(types);
        profiles = List.copyOf(profiles);
    }
}
