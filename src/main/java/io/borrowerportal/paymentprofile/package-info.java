/**
 * Saved payment methods: the cards and bank accounts a customer keeps on file, their field rules (card,
 * routing and account numbers are value objects in {@code common}), the bank-number cipher, and the one
 * answer to "can this method pay, and if not, why" ({@link io.borrowerportal.paymentprofile.PaymentMethod#whyCannotPay}),
 * which payments and AutoPay both ask. A full card number or CVV is never stored or logged (the processor
 * keeps the card behind a token); a bank account number is stored only encrypted.
 */
package io.borrowerportal.paymentprofile;
