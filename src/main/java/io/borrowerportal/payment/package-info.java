/**
 * Paying a loan: payment profiles (cards and bank accounts on file), one-time payments by card or ACH
 * within the lender's rules, their lifecycle from scheduled to completed or returned, receipts and payoff
 * quotes, and the ACH files and returns that operations exchange with the bank. Cards reach the processor
 * through {@link io.borrowerportal.gateway.PaymentGateway}; a full card number or CVV is never
 * stored or logged, and a bank account number is stored only encrypted.
 */
package io.borrowerportal.payment;
