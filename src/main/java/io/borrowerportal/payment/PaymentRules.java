package io.borrowerportal.payment;

import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The lender's payment rules (see {@link io.borrowerportal.settings.PaymentSettings}), as pure functions, so the service enforces
 * exactly what the form shows. Each refusal says what is wrong and what the customer can do instead.
 */
final class PaymentRules {

    private PaymentRules() {
    }

    static void checkOpen(PaymentSettings settings, PaymentType type, PaymentChannel channel) {
        if (!settings.enabled()) {
            throw new PaymentRefusedException("Online payments are turned off. Call the lender to pay.");
        }
        if (type == null) {
            throw new PaymentRefusedException("type", "Choose what to pay.");
        }
        if (!settings.allows(type)) {
            throw new PaymentRefusedException("type", "The lender does not accept " + type.label().toLowerCase(Locale.ROOT)
                    + " payments online. Choose another payment type.");
        }
        if (channel == PaymentChannel.CARD && !settings.cardAllowed()) {
            throw new PaymentRefusedException("profile", "The lender does not accept card payments online. Choose a bank account.");
        }
        if (channel == PaymentChannel.BANK && !settings.bankAllowed()) {
            throw new PaymentRefusedException("profile", "The lender does not accept bank payments online. Choose a card.");
        }
    }

    /**
     * The amount for the payment type, as of the apply date's figures. {@code inFlight} is money already
     * sent to the card processor and not yet on the ledger: it is owed no more.
     */
    static BigDecimal amount(PaymentType type, BigDecimal requested, LoanFigures figures, BigDecimal inFlight,
                             PaymentSettings settings, String supportPhone) {
        if (figures.status() == LoanStatus.PAID_OFF || figures.payoffAmount().signum() <= 0) {
            throw new PaymentRefusedException("This loan is paid off; there is nothing to pay.");
        }
        BigDecimal payoff = figures.payoffAmount().subtract(inFlight);
        if (payoff.signum() <= 0) {
            throw new PaymentRefusedException("A payment for the full payoff is already being processed. "
                    + "Check its status on the Payments tab.");
        }
        BigDecimal amount = switch (type) {
            case AMOUNT_DUE -> {
                BigDecimal due = figures.amountDue().subtract(inFlight);
                if (due.signum() <= 0) {
                    throw new PaymentRefusedException("type", "Nothing is due on this loan right now. "
                            + "Choose a custom amount to pay ahead.");
                }
                yield due;
            }
            case PAYOFF -> payoff;
            case PRINCIPAL_ONLY, CUSTOM -> requested(requested, settings);
        };
        if (amount.compareTo(settings.maximumAmount()) > 0) {
            throw new PaymentRefusedException("amount", "The largest payment accepted online is "
                    + Money.format(settings.maximumAmount()) + ". Pay less, or call " + supportPhone + " to pay more.");
        }
        if (amount.compareTo(payoff) > 0) {
            throw new PaymentRefusedException("amount", "That is more than the payoff amount of " + Money.format(payoff)
                    + ". Choose Payoff to pay the loan off.");
        }
        if (type == PaymentType.PRINCIPAL_ONLY && amount.compareTo(figures.principalBalance()) > 0) {
            throw new PaymentRefusedException("amount", "A principal-only payment cannot be more than the principal "
                    + "balance of " + Money.format(figures.principalBalance()) + ".");
        }
        return amount;
    }

    private static BigDecimal requested(BigDecimal requested, PaymentSettings settings) {
        if (requested == null || requested.signum() <= 0) {
            throw new PaymentRefusedException("amount", "Enter the amount to pay, for example 125.50.");
        }
        if (requested.stripTrailingZeros().scale() > Money.SCALE) {
            throw new PaymentRefusedException("amount", "Enter dollars and cents only, for example 125.50.");
        }
        if (requested.compareTo(settings.minimumAmount()) < 0) {
            throw new PaymentRefusedException("amount", "The smallest payment accepted online is "
                    + Money.format(settings.minimumAmount()) + ". Enter at least that much.");
        }
        return Money.requireCents(requested);
    }

    static PaymentKind kind(PaymentType type) {
        return type == PaymentType.PRINCIPAL_ONLY ? PaymentKind.PRINCIPAL_ONLY : PaymentKind.REGULAR;
    }

    static BigDecimal fee(PaymentSettings settings, PaymentChannel channel, BigDecimal amount) {
        return (channel == PaymentChannel.CARD ? settings.cardFee() : settings.bankFee()).feeFor(amount);
    }

}
