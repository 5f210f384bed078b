package io.borrowerportal.payment;

import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides, under the loan's row lock, what a {@link StandingOrder} pays: the caller's rules, on the loan as it
 * stands at that moment. Empty pays nothing this time.
 */
@FunctionalInterface
public interface StandingDecision {

    Optional<Payable> decide(StandingOrder order, LoanUnderLock loan);

    /**
     * The loan as of the payment's apply date, read under its lock.
     *
     * @param inFlight card payments on their way to the processor, which the loan is owed no more
     */
    record LoanUnderLock(LoanFigures figures, LocalDate asOf, BigDecimal inFlight) {
    }

    /** What to pay: the amount applied to the loan (the convenience fee comes on top) and how it applies. */
    record Payable(PaymentType type, BigDecimal amount) {
    }
}
