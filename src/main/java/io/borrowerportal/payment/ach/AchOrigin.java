package io.borrowerportal.payment.ach;

/**
 * Who sends the file and who the debits are collected for: the lender's bank (the ODFI) and the lender
 * as ACH originator, as agreed with that bank. These come from configuration, so a wrong length or a
 * non-ASCII character is refused rather than quietly cut, which would make the bank reject the file.
 *
 * @param immediateDestination     9-digit routing number of the lender's bank (the ODFI)
 * @param immediateDestinationName the bank's name, up to 23 characters
 * @param immediateOrigin          10 characters, usually "1" and the 9-digit tax id, or an id the bank assigns
 * @param immediateOriginName      the lender's name, up to 23 characters
 * @param companyName              the name on the customer's bank statement, up to 16 characters
 * @param companyId                the 10-character company identification the bank assigned
 * @param companyEntryDescription  up to 10 characters on the statement, e.g. "LOAN PMT"
 */
public record AchOrigin(String immediateDestination, String immediateDestinationName, String immediateOrigin,
                        String immediateOriginName, String companyName, String companyId,
                        String companyEntryDescription) {

    public static final int DESTINATION_NAME_MAX = 23;
    public static final int ORIGIN_LENGTH = 10;
    public static final int ORIGIN_NAME_MAX = 23;
    public static final int COMPANY_NAME_MAX = 16;
    public static final int COMPANY_ID_LENGTH = 10;
    public static final int ENTRY_DESCRIPTION_MAX = 10;

    public AchOrigin {
        Fields.requireRoutingNumber("The immediate destination (the lender's bank routing number)", immediateDestination);
        Fields.requireText("The immediate destination name", immediateDestinationName, DESTINATION_NAME_MAX);
        Fields.requireExactText("The immediate origin", immediateOrigin, ORIGIN_LENGTH);
        Fields.requireText("The immediate origin name", immediateOriginName, ORIGIN_NAME_MAX);
        Fields.requireText("The company name", companyName, COMPANY_NAME_MAX);
        Fields.requireExactText("The company identification", companyId, COMPANY_ID_LENGTH);
        Fields.requireText("The company entry description", companyEntryDescription, ENTRY_DESCRIPTION_MAX);
    }

    /** The ODFI identification used in the batch header and every trace number: the routing number without its check digit. */
    public String odfiIdentification() {
        return immediateDestination.substring(0, 8);
    }
}
