/**
 * Paying a loan: one-time and scheduled payments by card or ACH within the lender's rules, payments made on
 * a standing instruction another module gives ({@link io.borrowerportal.payment.StandingOrder}), their
 * lifecycle from scheduled to completed or returned, receipts and payoff quotes, and the ACH files and
 * returns that operations exchange with the bank. The saved methods it charges come from
 * {@code paymentprofile}; cards reach the processor through {@link io.borrowerportal.gateway.PaymentGateway}.
 */
package io.borrowerportal.payment;
