package io.borrowerportal.autopay;

import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.StandingOutcome;

import java.math.BigDecimal;

/**
 * What one AutoPay date came to, in the order of the runtime rules of {@link AutoPayDecision}.
 *
 * @param confirmationNumber the payment made (PAID only)
 * @param amount             what the payment pays on the loan (PAID only); the fee comes on top
 * @param note               why it skipped, ended or was refused, or how the amount was lowered; for the customer
 */
record AutoPayOutcome(Kind kind, String confirmationNumber, PaymentStatus status, BigDecimal amount, BigDecimal fee,
                      String note) {

    enum Kind {
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

    /**
     * @param decision the AutoPay's decision under the lock, or null when none was needed (the method could not
     *                 pay, the loan is gone, or an earlier run already made this date's payment)
     */
    static AutoPayOutcome of(StandingOutcome made, AutoPayDecision decision) {
        return switch (made.result()) {
            case PAID -> new AutoPayOutcome(Kind.PAID, made.confirmationNumber(), made.status(), made.amount(),
                    made.fee(), decision == null ? null : decision.note());
            case NOT_PAYABLE -> new AutoPayOutcome(decision.kind(), null, null, null, null, decision.note());
            case METHOD_UNUSABLE -> new AutoPayOutcome(Kind.METHOD_UNUSABLE, null, null, null, null, made.reason());
            case NO_ACCOUNT -> new AutoPayOutcome(Kind.ENDED, null, null, null, null,
                    "The loan is no longer on file, so AutoPay has ended.");
        };
    }
}
