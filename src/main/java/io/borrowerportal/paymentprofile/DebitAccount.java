package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.Digits;

/**
 * The bank account behind a bank profile, decrypted, for the ACH file. Never shown, logged or kept.
 *
 * @param usable false once a bank closed the account for our debits
 */
public record DebitAccount(long profileId, String routingNumber, String accountNumber, BankAccountKind type,
                           String holderName, boolean usable) {

    @Override
    public String toString() {
        return "DebitAccount[profile=" + profileId + ", routing=" + routingNumber + ", account=" 
                + Digits.masked(accountNumber)
                + "]";
    }
}
