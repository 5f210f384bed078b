package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The review step: what will be charged, when, and how it will apply to the loan. Nothing is stored.
 *
 * @param scheduled true when the payment waits for its date (it can be cancelled until then)
 * @param fees      estimated split as of the apply date: fees, interest and principal it pays
 * @param note      a sentence about timing (cut-off passed, bank settlement), or null
 */
public record PaymentQuote(String loanNumber, PaymentType type, PaymentChannel channel, String method,
                           BigDecimal amount, BigDecimal convenienceFee, BigDecimal total, LocalDate processDate,
                           LocalDate applyDate, boolean scheduled, BigDecimal fees, BigDecimal interest,
                           BigDecimal principal, String note) {
}
