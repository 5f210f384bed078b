package io.borrowerportal.payment;

import java.math.BigDecimal;

/**
 * What became of one {@link StandingOrder}.
 *
 * @param confirmationNumber the payment made (PAID only); a card charge may still be on its way, see {@code status}
 * @param amount             what the payment pays on the loan (PAID only); the fee comes on top
 * @param reason             why nothing was paid, in the customer's words (METHOD_UNUSABLE, NO_ACCOUNT)
 */
public record StandingOutcome(Result result, String confirmationNumber, PaymentStatus status, BigDecimal amount,
                              BigDecimal fee, String reason) {

    public enum Result {
        /** A payment was made, now or by an earlier call with the same key. */
        PAID,
        /** The decision was to pay nothing this time. */
        NOT_PAYABLE,
        /** The saved method cannot pay (deleted, unusable, expired, its channel closed by the lender). */
        METHOD_UNUSABLE,
        /** The loan is not on file any more. */
        NO_ACCOUNT
    }

    static StandingOutcome paid(Payment payment) {
        return new StandingOutcome(Result.PAID, payment.confirmationNumber(), payment.status(), payment.amount(),
                payment.convenienceFee(), null);
    }

    static StandingOutcome without(Result result, String reason) {
        return new StandingOutcome(result, null, null, null, null, reason);
    }
}
