package io.borrowerportal.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a payoff quote letter states: the payoff amount as of {@code goodThrough} and its parts, the
 * per-diem interest to add for each later day, and where to send the money ({@code remittanceAddress}
 * holds one address line per "\n"-separated line).
 */
public record PayoffQuote(String lenderName, String lenderPhone, String lenderEmail, String remittanceAddress,
                          String customerName, String loanNumber, String productName, LocalDate quoteDate,
                          LocalDate goodThrough, BigDecimal principal, BigDecimal accruedInterest,
                          BigDecimal feesDue, BigDecimal payoffAmount, BigDecimal perDiem) {

    public PayoffQuote {
        Objects.requireNonNull(lenderName, "lenderName");
        Objects.requireNonNull(remittanceAddress, "remittanceAddress");
        Objects.requireNonNull(loanNumber, "loanNumber");
        Objects.requireNonNull(quoteDate, "quoteDate");
        Objects.requireNonNull(goodThrough, "goodThrough");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(accruedInterest, "accruedInterest");
        Objects.requireNonNull(feesDue, "feesDue");
        Objects.requireNonNull(payoffAmount, "payoffAmount");
        Objects.requireNonNull(perDiem, "perDiem");
        if (goodThrough.isBefore(quoteDate)) {
            throw new IllegalArgumentException("A payoff quote cannot be good through a date before it was made");
        }
        // Payoff = principal + interest accrued to the good-through date + fees due; a letter whose
        // table does not add up would be a promise the ledger cannot keep.
        if (principal.add(accruedInterest).add(feesDue).compareTo(payoffAmount) != 0) {
            throw new IllegalArgumentException("The payoff amount " + payoffAmount.toPlainString()
                    + " is not principal plus accrued interest plus fees due");
        }
        lenderPhone = lenderPhone == null ? "" : lenderPhone;
        lenderEmail = lenderEmail == null ? "" : lenderEmail;
        customerName = customerName == null ? "" : customerName;
        productName = productName == null ? "" : productName;
    }
}
