package io.borrowerportal.payment;

import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a payment receipt states. {@code method} is already masked by the caller ("Visa •••• 4242");
 * the split into principal, interest and fees is null until the payment is applied (a scheduled
 * payment), and {@code note} is an optional closing line.
 */
public record PaymentReceipt(String lenderName, String lenderPhone, String lenderEmail, String confirmationNumber,
                             String status, String customerName, String loanNumber, String productName,
                             Instant submittedAt, ZoneId zone, LocalDate processDate, LocalDate applyDate,
                             String paymentType, String method, BigDecimal amount, BigDecimal convenienceFee,
                             BigDecimal total, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                             String note) {

    public PaymentReceipt {
        Objects.requireNonNull(lenderName, "lenderName");
        Objects.requireNonNull(confirmationNumber, "confirmationNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(loanNumber, "loanNumber");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(processDate, "processDate");
        Objects.requireNonNull(applyDate, "applyDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(total, "total");
        convenienceFee = convenienceFee == null ? Money.ZERO : convenienceFee;
        // A receipt whose lines do not add up is worse than none: refuse it rather than print it.
        if (amount.add(convenienceFee).compareTo(total) != 0) {
            throw new IllegalArgumentException("The total charged " + total.toPlainString()
                    + " is not the amount plus the convenience fee");
        }
        lenderPhone = lenderPhone == null ? "" : lenderPhone;
        lenderEmail = lenderEmail == null ? "" : lenderEmail;
        customerName = customerName == null ? "" : customerName;
        productName = productName == null ? "" : productName;
        paymentType = paymentType == null ? "" : paymentType;
        method = method == null ? "" : method;
        note = note == null ? "" : note;
    }

    /** Whether the payment has been applied, so the receipt can say how it was split. */
    public boolean splitKnown() {
        return principal != null && interest != null && fees != null;
    }
}
