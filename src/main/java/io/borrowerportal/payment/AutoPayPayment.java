package io.borrowerportal.payment;

import io.borrowerportal.settings.AutoPayAmountType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The payment an AutoPay asks for on one of its due dates. Only the AutoPay run makes these; the amount is
 * worked out by {@link PaymentService#payAutoPay} under the account's lock, from the loan as it stands.
 *
 * @param autopayReference the AutoPay's reference ("AP-…"), shown with the payment
 * @param fixedAmount      the amount of a {@link AutoPayAmountType#FIXED} AutoPay, else null
 * @param onlyWhenDue      skip the run when nothing is due on the loan
 * @param runDate          the business day the AutoPay was due to run: the payment's date, or today when an
 *                         earlier date is caught up
 * @param idempotencyKey   one key per AutoPay and due date, so that date can never pay twice
 * @param customerEmail    where the payment's email goes (the run reads a page's addresses at once), or null
 */
public record AutoPayPayment(String autopayReference, long customerId, String loanNumber, long profileId,
                             AutoPayAmountType amountType, BigDecimal fixedAmount, boolean onlyWhenDue,
                             LocalDate runDate, String idempotencyKey, String customerEmail) {

    public AutoPayPayment {
        Objects.requireNonNull(autopayReference, "autopayReference");
        Objects.requireNonNull(loanNumber, "loanNumber");
        Objects.requireNonNull(amountType, "amountType");
        Objects.requireNonNull(runDate, "runDate");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (amountType == AutoPayAmountType.FIXED && (fixedAmount == null || fixedAmount.signum() <= 0)) {
            throw new IllegalArgumentException("A fixed-amount AutoPay needs a positive amount");
        }
    }
}
