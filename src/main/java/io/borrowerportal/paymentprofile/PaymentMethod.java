package io.borrowerportal.paymentprofile;

import io.borrowerportal.settings.PaymentSettings;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;

/**
 * A saved payment method as the payment and AutoPay services use it: enough to charge it (the processor's
 * token) and to name it, never a full number. Views get {@link ProfileSummary} instead.
 *
 * @param cardExpiry   the card's last valid month; null for a bank account
 * @param cardToken    the processor's token for the card; null for a bank account
 * @param statusReason why it is no longer usable, in the customer's words, or null
 * @param onFile       false for a card or bank account entered for one payment only (decision 013): the payment
 *                     made with it must claim it with {@link PaymentMethods#useForPayment}, and nothing standing
 *                     (an AutoPay) may name it
 */
public record PaymentMethod(long id, long customerId, PaymentChannel channel, String label, boolean usable,
                            String statusReason, YearMonth cardExpiry, String cardToken, boolean onFile) {

    /**
     * Whether this method can pay money that moves in {@code month} under the lender's rules, and if not, why,
     * in the customer's words. The one answer to that question: making a payment, a scheduled payment on its
     * date, scheduling an AutoPay and each AutoPay run all ask it.
     */
    public Optional<String> whyCannotPay(YearMonth month, PaymentSettings rules) {
        return whyCannotPay(channel, label, usable, statusReason, cardExpiry, month, rules);
    }

    /** A card whose last valid month is before {@code month}; a bank account never expires. */
    public boolean expiredBy(YearMonth month) {
        return cardExpiry != null && cardExpiry.isBefore(month);
    }

    static Optional<String> whyCannotPay(PaymentChannel channel, String label, boolean usable, String statusReason,
                                         YearMonth cardExpiry, YearMonth month, PaymentSettings rules) {
        if (!usable) {
            return Optional.of(label + " can no longer be used" + (statusReason == null ? "." : ": " + statusReason));
        }
        if (cardExpiry != null && cardExpiry.isBefore(month)) {
            return Optional.of(label + " has expired.");
        }
        if (!rules.enabled() || (channel == PaymentChannel.CARD ? !rules.cardAllowed() : !rules.bankAllowed())) {
            return Optional.of("The lender does not accept " + channel.label().toLowerCase(Locale.ROOT)
                    + " payments online.");
        }
        return Optional.empty();
    }
}
