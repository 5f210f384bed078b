package io.borrowerportal.payment;

import java.math.BigDecimal;

/**
 * What one AutoPay run did, in the order of PRODUCT.md's runtime rules.
 *
 * @param confirmationNumber the payment made (PAID only)
 * @param amount             what the payment pays on the loan (PAID only); the fee comes on top
 * @param note               why it skipped, ended or was refused, or how the amount was lowered; for the customer
 */
public record AutoPayOutcome(Kind kind, String confirmationNumber, PaymentStatus status, BigDecimal amount,
                             BigDecimal fee, String note) {

    public enum Kind {
        /** A payment was made (a card charge may still be on its way: see {@link #status}). */
        PAID,
        /** Nothing to pay this time; the AutoPay goes on. */
        SKIPPED,
        /** The loan is paid off: the AutoPay has nothing more to do. */
        ENDED,
        /** The lender's rules refuse this payment (its amount); the AutoPay goes on. */
        REFUSED,
        /** The payment method can no longer be used (removed, returned by the bank, expired, channel closed). */
        METHOD_UNUSABLE
    }

    static AutoPayOutcome paid(Payment payment, String note) {
        return new AutoPayOutcome(Kind.PAID, payment.confirmationNumber(), payment.status(), payment.amount(),
                payment.convenienceFee(), note);
    }

    static AutoPayOutcome without(Kind kind, String note) {
        return new AutoPayOutcome(kind, null, null, null, null, note);
    }
}
