package io.borrowerportal.insurance;

import io.borrowerportal.common.Digits;
import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules for a policy the customer types, written once: the Insurance form shows them as the customer
 * leaves each field, and {@link InsuranceService} applies them again before anything is stored. Each check
 * returns an empty Optional when the value is acceptable, or a message the form shows as is. The limits are
 * public so the form's fields enforce the same numbers (and the columns of V010 hold them).
 */
public final class InsuranceFields {

    public static final int COMPANY_MAX = 100;
    public static final int INSURED_NAME_MAX = 100;
    public static final int AGENT_NAME_MAX = 100;
    public static final int POLICY_NUMBER_MAX = 40;
    public static final int PHONE_MAX = 25;
    /** Far above any deductible on a car or a house; a larger figure is a typing mistake (an extra zero). */
    public static final BigDecimal DEDUCTIBLE_MAX = new BigDecimal("100000.00");
    /** Policies run for months or a year or two; a term longer than this is a mistyped year. */
    public static final int TERM_YEARS_MAX = 5;
    /** A policy bought ahead of time starts within a year. */
    public static final int START_DAYS_AHEAD_MAX = 365;
    public static final int REJECTION_REASON_MAX = 500;

    // Letters, digits, spaces and punctuation in any script; no control or format characters (no line breaks,
    // no right-to-left overrides that would make the text read differently on the staff screen).
    private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{Zs}\\p{P}\\p{S}]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*\\p{L}.*");
    private static final Pattern POLICY_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]*");
    private static final Pattern PHONE = Pattern.compile("[0-9 ()+.-]+");

    private InsuranceFields() {
    }

    public static Optional<String> insuranceCompany(String raw) {
        return text(raw, COMPANY_MAX, "Enter the insurance company's name, as on your policy.", "Insurance company");
    }

    public static Optional<String> insuredName(String raw) {
        return text(raw, INSURED_NAME_MAX, "Enter the insured name: the person or business named on the policy.",
                "Insured name");
    }

    /** Optional: a policy bought directly from the insurer has no agent. */
    public static Optional<String> agentName(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        return text(raw, AGENT_NAME_MAX, "", "Agent name");
    }

    public static Optional<String> policyNumber(String raw) {
        String number = raw == null ? "" : raw.strip();
        if (number.isEmpty()) {
            return Optional.of("Enter the policy number from your declarations page or insurance card.");
        }
        if (Digits.holdsCardLengthNumber(number)) {
            // a policy number is stored and shown in plain text, so it must not become a place where a card number is kept
            return Optional.of("A policy number cannot hold a card number (13 or more digits in a row). "
                    + "Enter the policy number from your declarations page.");
        }
        if (number.length() > POLICY_NUMBER_MAX) {
            return Optional.of("Policy number can have at most " + POLICY_NUMBER_MAX + " characters.");
        }
        if (!POLICY_NUMBER.matcher(number).matches()) {
            return Optional.of("Policy number can contain only letters, digits, spaces, dashes, periods and slashes.");
        }
        return Optional.empty();
    }

    /** A US phone number with its area code, in any usual writing: (555) 123-4567, 555.123.4567, +1 555 123 4567. */
    public static Optional<String> phone(String raw) {
        String phone = raw == null ? "" : raw.strip();
        if (phone.isEmpty()) {
            return Optional.of("Enter the phone number of your agent or insurance company, with area code.");
        }
        String digits = phone.replaceAll("\\D", "");
        boolean tenDigits = digits.length() == 10 || digits.length() == 11 && digits.startsWith("1");
        if (phone.length() > PHONE_MAX || !PHONE.matcher(phone).matches() || !tenDigits) {
            return Optional.of("Phone must be a US number with area code, like (555) 123-4567.");
        }
        return Optional.empty();
    }

    public static Optional<String> deductible(BigDecimal amount) {
        if (amount == null) {
            return Optional.of("Enter the deductible in dollars (0 if your policy has none).");
        }
        if (amount.signum() < 0) {
            return Optional.of("Deductible cannot be negative. Enter 0 if your policy has none.");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("Deductible is in dollars and cents: at most two decimals.");
        }
        if (amount.compareTo(DEDUCTIBLE_MAX) > 0) {
            return Optional.of("Deductible can be at most " + Money.format(DEDUCTIBLE_MAX)
                    + ". Check the amount on your policy.");
        }
        return Optional.empty();
    }

    public static Optional<String> coverageStart(LocalDate start, LocalDate today) {
        if (start == null) {
            return Optional.of("Enter the date coverage starts (the policy's effective date).");
        }
        if (start.isAfter(today.plusDays(START_DAYS_AHEAD_MAX))) {
            return Optional.of("Coverage must start within a year from today. Check the year.");
        }
        return Optional.empty();
    }

    public static Optional<String> coverageEnd(LocalDate start, LocalDate end, LocalDate today) {
        if (end == null) {
            return Optional.of("Enter the date coverage ends (the policy's expiration date).");
        }
        if (start != null && !end.isAfter(start)) {
            return Optional.of("Coverage end must be after coverage start.");
        }
        if (end.isBefore(today)) {
            return Optional.of("This coverage has already ended. Enter the policy that covers the collateral now.");
        }
        if (start != null && end.isAfter(start.plusYears(TERM_YEARS_MAX))) {
            return Optional.of("A policy term is at most " + TERM_YEARS_MAX + " years. Check the end date's year.");
        }
        return Optional.empty();
    }

    /** Staff must tell the customer why, so they can fix it. */
    public static Optional<String> rejectionReason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty()) {
            return Optional.of("Enter the reason: the customer reads it and needs it to fix the policy.");
        }
        if (reason.length() > REJECTION_REASON_MAX) {
            return Optional.of("Reason can have at most " + REJECTION_REASON_MAX + " characters.");
        }
        if (!TEXT.matcher(reason).matches()) {
            return Optional.of("Reason can contain letters, digits, spaces and punctuation, on one line.");
        }
        return Optional.empty();
    }

    /** Every field's problem, in the form's order, keyed by the name of {@link PolicyDetails}' component. */
    public static Map<String, String> problems(PolicyDetails policy, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        insuranceCompany(policy.insuranceCompany()).ifPresent(p -> problems.put("insuranceCompany", p));
        insuredName(policy.insuredName()).ifPresent(p -> problems.put("insuredName", p));
        agentName(policy.agentName()).ifPresent(p -> problems.put("agentName", p));
        policyNumber(policy.policyNumber()).ifPresent(p -> problems.put("policyNumber", p));
        phone(policy.phone()).ifPresent(p -> problems.put("phone", p));
        deductible(policy.deductible()).ifPresent(p -> problems.put("deductible", p));
        coverageStart(policy.coverageStart(), today).ifPresent(p -> problems.put("coverageStart", p));
        coverageEnd(policy.coverageStart(), policy.coverageEnd(), today).ifPresent(p -> problems.put("coverageEnd", p));
        return problems;
    }

    private static Optional<String> text(String raw, int max, String missing, String label) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return Optional.of(missing);
        }
        if (value.length() > max) {
            return Optional.of(label + " can have at most " + max + " characters.");
        }
        if (!TEXT.matcher(value).matches() || !HAS_LETTER.matcher(value).matches()) {
            return Optional.of(label + " can contain letters, digits, spaces and punctuation, on one line.");
        }
        if (Digits.holdsCardLengthNumber(value)) {
            return Optional.of(label + " cannot hold a card number (13 or more digits in a row).");
        }
        return Optional.empty();
    }
}
