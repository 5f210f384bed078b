package io.borrowerportal.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bank account number: 4 to 17 digits (NACHA's field). Stored only encrypted; {@link #toString} shows only
 * the last four digits, so a log line or an exception message cannot carry it.
 */
public final class BankAccountNumber {

    public static final int MIN_DIGITS = 4;
    public static final int MAX_DIGITS = 17;

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String digits;

    private BankAccountNumber(String digits) {
        this.digits = digits;
    }

    /** The number as typed, with spaces or dashes. */
    public static BankAccountNumber of(String typed) {
        problem(typed).ifPresent(message -> {
            throw new InvalidValueException(message);
        });
        return new BankAccountNumber(Digits.of(typed));
    }

    /**
     * The number typed twice, because a wrong one is found out only when the bank returns the debit: the
     * second must match the first.
     */
    public static BankAccountNumber confirmed(String typed, String typedAgain) {
        problem(typed, typedAgain).ifPresent(message -> {
            throw new InvalidValueException(message);
        });
        return new BankAccountNumber(Digits.of(typed));
    }

    /** What is wrong with the typed number, in the customer's words, or empty when it is an account number. */
    public static Optional<String> problem(String typed) {
        String account = Digits.of(typed);
        if (account == null || account.isEmpty()) {
            return Optional.of("Enter the account number: it follows the routing number at the bottom of your check.");
        }
        if (!DIGITS.matcher(account).matches()) {
            return Optional.of("Account number can contain only digits. Leave out letters and symbols.");
        }
        if (account.length() < MIN_DIGITS || account.length() > MAX_DIGITS) {
            return Optional.of("Account number must have " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits; you entered " + account.length() + ". Check the number on your check or bank statement.");
        }
        return Optional.empty();
    }

    /** {@link #problem(String)}, then whether the second typing matches the first. */
    public static Optional<String> problem(String typed, String typedAgain) {
        Optional<String> problem = problem(typed);
        if (problem.isPresent()) {
            return problem;
        }
        String again = Digits.of(typedAgain);
        if (again == null || again.isEmpty()) {
            return Optional.of("Type the account number again in the confirmation field.");
        }
        if (!Digits.of(typed).equals(again)) {
            return Optional.of("The account numbers do not match. Type the account number again in both fields.");
        }
        return Optional.empty();
    }

    /** The digits, for the cipher and the NACHA file only. */
    public String digits() {
        return digits;
    }

    public String lastFour() {
        return Digits.lastFour(digits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BankAccountNumber account && account.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return Digits.masked(lastFour());
    }
}
