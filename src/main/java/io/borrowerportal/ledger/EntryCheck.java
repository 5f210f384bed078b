package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The loan engine's rules on an entry that another system decided (the servicing system's payments, fees and
 * adjustments), checked before anything is written: its split adds up to its amount, in cents, with the signs
 * its kind has, dated from the disbursement to today. Reversals are checked against the ledger by their caller.
 */
public final class EntryCheck {

    /** One thing wrong with the entry, by the name of the field that holds it. */
    public record Problem(String field, String message) {
    }

    private EntryCheck() {
    }

    public static List<Problem> check(LoanTerms terms, EntryType type, LocalDate effectiveDate, BigDecimal amount,
                                      BigDecimal principal, BigDecimal interest, BigDecimal fees, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (effectiveDate == null) {
            problems.add(new Problem("effectiveDate", "Must be given."));
        } else if (effectiveDate.isBefore(terms.startDate())) {
            problems.add(new Problem("effectiveDate", "Is before the loan's disbursement on " + terms.startDate() + "."));
        } else if (effectiveDate.isAfter(today)) {
            problems.add(new Problem("effectiveDate", "Is in the future; today is " + today
                    + " in the lender's time zone."));
        }
        boolean allMoney = cents("amount", amount, problems) & cents("principal", principal, problems)
                & cents("interest", interest, problems) & cents("fees", fees, problems);
        if (!allMoney) {
            return problems;
        }
        BigDecimal split = principal.add(interest).add(fees);
        if (split.compareTo(amount) != 0) {
            problems.add(new Problem("amount", "The split (principal " + principal.toPlainString() + " + interest "
                    + interest.toPlainString() + " + fees " + fees.toPlainString() + " = " + split.toPlainString()
                    + ") does not add up to the amount " + amount.toPlainString() + "."));
        }
        switch (type) {
            case PAYMENT, PRINCIPAL_PAYMENT -> {
                if (amount.signum() <= 0) {
                    problems.add(new Problem("amount", "A payment must be positive."));
                }
                negative("principal", principal, problems);
                negative("interest", interest, problems);
                negative("fees", fees, problems);
            }
            case FEE -> {
                if (amount.signum() <= 0) {
                    problems.add(new Problem("amount", "A fee must be positive."));
                }
                if (principal.signum() != 0 || interest.signum() != 0) {
                    problems.add(new Problem("fees", "A fee is all fees: principal and interest must be 0."));
                }
            }
            case ADJUSTMENT -> {
                if (principal.signum() == 0 && interest.signum() == 0 && fees.signum() == 0) {
                    problems.add(new Problem("amount", "An adjustment changes at least one of principal, interest or fees."));
                }
            }
            default -> problems.add(new Problem("kind", "Only payments, fees and adjustments carry a split."));
        }
        return problems;
    }

    private static boolean cents(String field, BigDecimal value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "Must be given."));
            return false;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem(field, "Has more than two decimals."));
            return false;
        }
        return true;
    }

    private static void negative(String field, BigDecimal value, List<Problem> problems) {
        if (value.signum() < 0) {
            problems.add(new Problem(field, "A payment's parts are not negative; a correction is an adjustment."));
        }
    }
}
