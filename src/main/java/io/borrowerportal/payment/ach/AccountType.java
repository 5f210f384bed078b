package io.borrowerportal.payment.ach;

import java.util.Optional;

/**
 * The kind of bank account a debit is drawn from. NACHA encodes it in the transaction code: 27 debits a
 * checking account and 37 a savings account; a bank returning such a debit uses 26 and 36.
 */
public enum AccountType {
    CHECKING(27, 26),
    SAVINGS(37, 36);

    private final int debitCode;
    private final int returnCode;

    AccountType(int debitCode, int returnCode) {
        this.debitCode = debitCode;
        this.returnCode = returnCode;
    }

    /** The transaction code of a live debit from this kind of account. */
    public int debitCode() {
        return debitCode;
    }

    /** The transaction code a bank uses when it returns such a debit (or sends a notification of change). */
    public int returnCode() {
        return returnCode;
    }

    /** Recognises the debit and the return-side codes; anything else (credits, prenotes) is empty. */
    public static Optional<AccountType> ofTransactionCode(int code) {
        for (AccountType type : values()) {
            if (type.debitCode == code || type.returnCode == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
