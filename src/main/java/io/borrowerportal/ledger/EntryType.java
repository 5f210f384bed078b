package io.borrowerportal.ledger;

/** The kinds of ledger entry. Entries are never edited or deleted; a reversal undoes one. */
public enum EntryType {
    /** Loan proceeds paid out; raises principal. */
    DISBURSEMENT,
    /** Money received from the borrower, split by the waterfall into fees, interest and principal. */
    PAYMENT,
    /**
     * A principal-only payment: lowers principal at once but pays no scheduled installment, so the next
     * payment is still due in full; interest and fees stay due.
     */
    PRINCIPAL_PAYMENT,
    /** A fee charged to the loan (late fee, NSF fee); raises fees due. */
    FEE,
    /** Undoes one earlier entry: the same split with the opposite sign, linked to the original. */
    REVERSAL,
    /** A correction by the lender, with a signed split. */
    ADJUSTMENT,
    /**
     * A convenience fee the borrower paid with a payment, for the service of paying by card or bank. It is
     * the lender's income, not loan money: its amount is recorded with all three parts zero, so it never
     * changes the balance, interest or fees due.
     */
    CONVENIENCE_FEE
}
