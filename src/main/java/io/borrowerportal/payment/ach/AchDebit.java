package io.borrowerportal.payment.ach;

import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One debit from a customer's bank account. The amount must fit NACHA's ten-digit cents field, so
 * it is below $100,000,000.00; it must be whole cents and positive, because a zero or credit entry
 * is not something a customer's payment can produce.
 *
 * @param routingNumber  9-digit routing number of the customer's bank (the RDFI), check digit included
 * @param accountNumber  4 to 17 digits
 * @param individualId   up to 15 characters; the payment's confirmation number, so a return can be matched
 * @param individualName up to 22 characters; typed by the customer, so the writer cleans it for the file
 * @param recurring      a debit the customer authorized to recur (a standing instruction): WEB payment type "R", else "S"
 */
public record AchDebit(String routingNumber, String accountNumber, AccountType accountType, BigDecimal amount,
                       String individualId, String individualName, boolean recurring) {

    public static final int ACCOUNT_NUMBER_MIN = 4;
    public static final int ACCOUNT_NUMBER_MAX = 17;
    public static final int INDIVIDUAL_ID_MAX = 15;
    public static final int INDIVIDUAL_NAME_MAX = 22;
    /** The largest amount NACHA's ten-digit cents field holds. */
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("99999999.99");

    public AchDebit {
        Fields.requireRoutingNumber("The routing number", routingNumber);
        if (!Fields.isDigits(accountNumber, ACCOUNT_NUMBER_MIN, ACCOUNT_NUMBER_MAX)) {
            throw new IllegalArgumentException("The account number must be " + ACCOUNT_NUMBER_MIN + " to "
                    + ACCOUNT_NUMBER_MAX + " digits");
        }
        Objects.requireNonNull(accountType, "The account type (checking or savings) is required");
        amount = Money.requireCents(amount);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A debit amount must be positive, not " + amount.toPlainString());
        }
        if (amount.compareTo(AMOUNT_MAX) > 0) {
            throw new IllegalArgumentException("A debit amount must be less than 100,000,000.00, not " + amount.toPlainString());
        }
        if (individualId == null || individualId.isBlank() || individualId.length() > INDIVIDUAL_ID_MAX) {
            throw new IllegalArgumentException("The individual id (confirmation number) must be 1 to "
                    + INDIVIDUAL_ID_MAX + " characters: '" + individualId + "'");
        }
        if (individualName == null || individualName.isBlank() || individualName.length() > INDIVIDUAL_NAME_MAX) {
            throw new IllegalArgumentException("The account holder's name must be 1 to " + INDIVIDUAL_NAME_MAX
                    + " characters: '" + individualName + "'");
        }
    }

    /** A single-entry (one-time) debit. */
    public AchDebit(String routingNumber, String accountNumber, AccountType accountType, BigDecimal amount,
                    String individualId, String individualName) {
        this(routingNumber, accountNumber, accountType, amount, individualId, individualName, false);
    }

    /** The amount in cents, as the file carries it. */
    long cents() {
        return amount.unscaledValue().longValueExact();
    }

    /** Masks the account number so a log line or exception never carries it in full. */
    @Override
    public String toString() {
        return "AchDebit[routingNumber=" + routingNumber + ", account=****"
                + accountNumber.substring(accountNumber.length() - 4) + ", accountType=" + accountType
                + ", amount=" + amount.toPlainString() + ", individualId=" + individualId
                + (recurring ? ", recurring" : "") + "]";
    }
}
