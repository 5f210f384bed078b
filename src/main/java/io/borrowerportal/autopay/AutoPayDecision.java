package io.borrowerportal.autopay;

import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.payment.StandingDecision;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an AutoPay pays on one of its dates, by the runtime rules in their order (docs/decisions/009-autopay.md), on the loan's figures
 * read under its lock: a paid-off loan ends the AutoPay; nothing due with "only when due" skips; the amount is
 * computed; nothing to pay skips; more than the payoff is lowered to the payoff; more than the lender's online
 * maximum is refused for that date. "Due" is what falls due by the apply date ({@link LoanFigures#dueBy}), so an
 * installment the borrower already paid by hand is not paid again. The convenience fee is added by the payment.
 *
 * @param amount what to pay on the loan (PAID only)
 * @param note   why it skipped, ended or was refused, or how the amount was lowered; for the customer
 */
record AutoPayDecision(AutoPayOutcome.Kind kind, BigDecimal amount, String note, AutoPayAmountType amountType) {

    /**
     * @param inFlight money already on its way to the card processor, which the loan is owed no more
     */
    static AutoPayDecision decide(AutoPayAmountType amountType, BigDecimal fixedAmount, boolean onlyWhenDue,
                                  LoanFigures figures, LocalDate asOf, BigDecimal inFlight, PaymentSettings settings,
                                  String supportPhone) {
        BigDecimal payoff = figures.payoffAmount().subtract(inFlight);
        if (figures.status() == LoanStatus.PAID_OFF || figures.payoffAmount().signum() <= 0) {
            return new AutoPayDecision(AutoPayOutcome.Kind.ENDED, null, "The loan is paid off, so AutoPay has ended.", amountType);
        }
        BigDecimal due = figures.dueBy(asOf).subtract(inFlight);
        if (onlyWhenDue && due.signum() <= 0) {
            return new AutoPayDecision(AutoPayOutcome.Kind.SKIPPED, null, "Nothing was due, so nothing was paid.", amountType);
        }
        BigDecimal amount = switch (amountType) {
            case SCHEDULED_PAYMENT -> figures.scheduledPayment();
            case AMOUNT_DUE -> due;
            case FIXED -> fixedAmount;
            case PAYOFF -> payoff;
        };
        if (amount.signum() <= 0 || payoff.signum() <= 0) {
            return new AutoPayDecision(AutoPayOutcome.Kind.SKIPPED, null, payoff.signum() <= 0
                    ? "A payment for the full payoff is already on its way, so nothing more was paid."
                    : "Nothing was due, so nothing was paid.", amountType);
        }
        String note = null;
        if (amount.compareTo(payoff) > 0) {
            amount = payoff;
            note = "Lowered to " + Money.format(payoff) + ", what the loan owed on the day.";
        }
        if (amount.compareTo(settings.maximumAmount()) > 0) {
            return new AutoPayDecision(AutoPayOutcome.Kind.REFUSED, null, Money.format(amount)
                    + " is more than the largest payment accepted online (" + Money.format(settings.maximumAmount())
                    + "), so nothing was paid. Call " + supportPhone + " to pay.", amountType);
        }
        return new AutoPayDecision(AutoPayOutcome.Kind.PAID, Money.requireCents(amount), note, amountType);
    }

    /** The payment to make, when the decision is to pay. */
    Optional<StandingDecision.Payable> payable() {
        return kind == AutoPayOutcome.Kind.PAID
                ? Optional.of(new StandingDecision.Payable(paymentType(amountType), amount)) : Optional.empty();
    }

    /** How an AutoPay's payment applies on the loan: a payoff as a payoff, what is due as that, others as custom. */
    static PaymentType paymentType(AutoPayAmountType amountType) {
        return switch (amountType) {
            case AMOUNT_DUE -> PaymentType.AMOUNT_DUE;
            case PAYOFF -> PaymentType.PAYOFF;
            case SCHEDULED_PAYMENT, FIXED -> PaymentType.CUSTOM;
        };
    }
}
