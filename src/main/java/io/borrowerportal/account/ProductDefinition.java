package io.borrowerportal.account;

import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A loan product as the lender defines it (decision 034): its code (how loans name it), its name (what borrowers
 * read), the rate and number of payments a new loan on it usually has, and what every loan booked on it reads from
 * it for as long as it lives: the payment frequency, the day count and whether collateral secures it. The one home
 * of the rules about each of these values; the API, the CSV import and the staff page all come through here.
 */
public record ProductDefinition(String code, String name, BigDecimal defaultAnnualRatePercent,
                                int defaultNumberOfPayments, PaymentFrequency paymentFrequency, DayCount dayCount,
                                boolean collateralized) {

    public static final int MAX_CODE = 32;
    public static final int MAX_NAME = 120;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1," + (MAX_CODE - 1) + "}");
    public static final String CODE_RULE = "Must be 2-" + MAX_CODE
            + " capital letters, digits, dashes or underscores, starting with a letter (e.g. AUTO).";

    public ProductDefinition {
        Map<String, String> problems = problems(code, name, defaultAnnualRatePercent, defaultNumberOfPayments,
                paymentFrequency, dayCount, collateralized);
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new IllegalArgumentException(first.getKey() + ": " + first.getValue());
        }
        code = code.strip();
        name = name.strip();
        defaultAnnualRatePercent = defaultAnnualRatePercent.setScale(LoanTerms.RATE_SCALE);
    }

    /** Every problem at once, by field name, in the record's order; empty when there is none. */
    public static Map<String, String> problems(String code, String name, BigDecimal defaultAnnualRatePercent,
                                               Integer defaultNumberOfPayments, PaymentFrequency paymentFrequency,
                                               DayCount dayCount, Boolean collateralized) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            problems.put("code", CODE_RULE);
        }
        if (name == null || name.isBlank()) {
            problems.put("name", "Must be given.");
        } else if (name.strip().length() > MAX_NAME) {
            problems.put("name", "Must be at most " + MAX_NAME + " characters.");
        }
        if (!LoanTerms.validRate(defaultAnnualRatePercent)) {
            problems.put("defaultAnnualRatePercent", LoanTerms.RATE_RULE);
        }
        if (defaultNumberOfPayments == null || defaultNumberOfPayments < 1
                || defaultNumberOfPayments > LoanTerms.MAX_PAYMENTS) {
            problems.put("defaultNumberOfPayments", "Must be 1 to " + LoanTerms.MAX_PAYMENTS + ".");
        }
        if (paymentFrequency == null) {
            problems.put("paymentFrequency", "Must be one of " + names(PaymentFrequency.values()) + ".");
        }
        if (dayCount == null) {
            problems.put("dayCount", "Must be one of " + names(DayCount.values()) + ".");
        }
        if (collateralized == null) {
            problems.put("collateralized", "Must be true or false.");
        }
        return problems;
    }

    private static String names(Enum<?>[] values) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> value : values) {
            names.append(names.isEmpty() ? "" : ", ").append(value.name());
        }
        return names.toString();
    }
}
