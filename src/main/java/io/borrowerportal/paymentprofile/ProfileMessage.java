package io.borrowerportal.paymentprofile;

/**
 * A saved payment method as the servicing system reads it in an outbound event (decision 029): never a full
 * card or account number, only its last four digits; a card's brand and expiry, a bank account's kind.
 *
 * @param kind the card brand ("Visa") or the bank account's kind ("Checking")
 */
record ProfileMessage(long profileId, long customerId, PaymentChannel channel, String kind, String lastFour,
                      Integer cardExpiryMonth, Integer cardExpiryYear, boolean primary, String status) {
}
