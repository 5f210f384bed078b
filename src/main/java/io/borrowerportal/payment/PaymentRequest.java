package io.borrowerportal.payment;

import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment the customer asks for.
 *
 * @param amount         the amount for a custom or principal-only payment; ignored for amount due and payoff,
 *                       which the service computes
 * @param paymentDate    today, or a future date within the lender's window (null = today)
 * @param idempotencyKey the key {@link PaymentOptions} issued when the form opened
 */
public record PaymentRequest(String loanNumber, PaymentType type, BigDecimal amount, long profileId,
                             LocalDate paymentDate, String idempotencyKey) {
}
