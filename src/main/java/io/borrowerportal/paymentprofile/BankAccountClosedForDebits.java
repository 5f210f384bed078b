package io.borrowerportal.paymentprofile;

import java.util.List;

/**
 * A bank returned a debit with a code that closes the account for us (R07 authorization revoked, R10 not
 * authorized, R02 closed, ...). Every payment profile on that bank account, whoever keeps it, is unusable
 * from now on. Published after the return is recorded.
 *
 * @param profileIds  every profile on that bank account (the returned payment's first)
 * @param returnCode  the R-code ("R07")
 * @param description the code's meaning, for the customer ("Authorization revoked by customer")
 */
public record BankAccountClosedForDebits(List<Long> profileIds, String returnCode, String description,
                                         String confirmationNumber) {

    public BankAccountClosedForDebits {
        profileIds = List.copyOf(profileIds);
    }
}
