package io.borrowerportal.paymentprofile;

/** What a customer may change on a saved profile: the nickname and billing details (ZIP is cards only). */
public record ProfileChanges(String nickname, String holderName, String billingZip) {
}
