package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.Masking;
import io.borrowerportal.settings.PaymentSettings;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A payment profile as the customer sees it: never a full card or account number.
 *
 * @param label        "Visa •••• 4242" / "Checking •••• 6789"
 * @param usable       false after a bank returned a debit with a code that closes the account for us
 * @param statusReason why it is not usable, in the customer's words
 * @param onFile       false for a card or bank account entered for one payment only, without saving it
 */
public record ProfileSummary(long id, PaymentChannel channel, String label, String nickname, String holderName,
                             String cardBrand, String lastFour, Integer expiryMonth, Integer expiryYear,
                             String billingZip, BankAccountKind accountType, String routingNumber, boolean primary,
                             boolean usable, String statusReason, boolean onFile) {

    /** Without the holder's name, ZIP and routing number: a summary may end up in a log line. */
    @Override
    public String toString() {
        return "ProfileSummary[id=" + id + ", channel=" + channel + ", label=" + label + ", holderName="
                + Masking.name(holderName) + ", primary=" + primary + ", usable=" + usable + ", onFile=" + onFile + "]";
    }

    /** The nickname when there is one, else the label. */
    public String displayName() {
        return nickname == null || nickname.isBlank() ? label : nickname + " (" + label + ")";
    }

    /** The card's last valid month; null for a bank account. */
    public YearMonth expiry() {
        return expiryMonth == null || expiryYear == null ? null : YearMonth.of(expiryYear, expiryMonth);
    }

    /** See {@link PaymentMethod#whyCannotPay}: the same rule, for the profiles a customer chooses from. */
    public Optional<String> whyCannotPay(YearMonth month, PaymentSettings rules) {
        return PaymentMethod.whyCannotPay(channel, label, usable, statusReason, expiry(), month, rules);
    }
}
