package io.borrowerportal.autopay;

import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules on an AutoPay's terms that the wizard shows as the customer types and the service enforces on
 * save, written once: each answers why a value cannot be taken, in the customer's words, or nothing. The
 * service checks them again whatever the wizard showed ({@link AutoPayChecks}).
 */
public final class AutoPayTermRules {

    /** How far ahead the first payment may be dated. */
    public static final int MAX_DAYS_AHEAD = 365;

    private AutoPayTermRules() {
    }

    /** The first day a new AutoPay may start: today. */
    public static LocalDate earliestStart(LocalDate today) {
        return today;
    }

    /** The last day a new AutoPay may start. */
    public static LocalDate latestStart(LocalDate today) {
        return today.plusDays(MAX_DAYS_AHEAD);
    }

    /** The payoff is paid once: only a one-time AutoPay may pay it. */
    public static boolean amountGoesWith(AutoPayAmountType amount, AutoPayFrequency frequency) {
        return amount != AutoPayAmountType.PAYOFF || frequency == AutoPayFrequency.ONE_TIME;
    }

    /** Why this pair cannot be chosen together, or nothing (see {@link #amountGoesWith}). */
    public static Optional<String> amountProblem(AutoPayAmountType amount, AutoPayFrequency frequency) {
        return amountGoesWith(amount, frequency) ? Optional.empty()
                : Optional.of("The payoff can only be paid once. Choose \"One time\", or another amount for a "
                + "repeating AutoPay.");
    }

    /** The largest fixed amount: the lender's online limit, and never more than the payoff. */
    public static BigDecimal largestFixedAmount(BigDecimal maximum, BigDecimal payoff) {
        return payoff == null ? maximum : maximum.min(payoff);
    }

    /** Why this fixed amount cannot be paid each time, or nothing. */
    public static Optional<String> fixedAmountProblem(BigDecimal amount, BigDecimal minimum, BigDecimal maximum,
                                                      BigDecimal payoff) {
        if (amount == null || amount.signum() <= 0) {
            return Optional.of("Enter the amount of each payment, for example 150.00.");
        }
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            return Optional.of("Enter dollars and cents only, for example 150.00.");
        }
        if (amount.compareTo(minimum) < 0) {
            return Optional.of("The smallest payment accepted online is " + Money.format(minimum)
                    + ". Enter at least that much.");
        }
        if (amount.compareTo(maximum) > 0) {
            return Optional.of("The largest payment accepted online is " + Money.format(maximum)
                    + ". Enter a smaller amount.");
        }
        if (payoff != null && amount.compareTo(payoff) > 0) {
            return Optional.of("That is more than the payoff amount of " + Money.format(payoff)
                    + ". Enter a smaller amount, or choose a one-time payoff.");
        }
        return Optional.empty();
    }

    /**
     * Why the first payment cannot be on {@code start}, or nothing: it must be from today to a year ahead.
     *
     * @param keptNext when changing an AutoPay, its next date: it may stay as the first date even when it has
     *                 passed, as long as its payment (moved off a weekend or holiday) is still to come; else null
     */
    public static Optional<String> startDateProblem(LocalDate start, LocalDate today, LocalDate keptNext) {
        if (start == null) {
            return Optional.of("Choose the date of the first payment.");
        }
        boolean keepsPendingDate = start.equals(keptNext) && !AutoPaySchedule.processDate(keptNext).isBefore(today);
        if (start.isBefore(earliestStart(today)) && !keepsPendingDate) {
            return Optional.of("The first payment date cannot be in the past. Choose today or a later date.");
        }
        if (start.isAfter(latestStart(today))) {
            return Optional.of("The first payment can be at most a year ahead. Choose a date on or before "
                    + Dates.day(latestStart(today)) + ".");
        }
        return Optional.empty();
    }

    /**
     * Whether "last day of the month" is a real choice for this frequency and start: it goes with the start
     * and gives other dates than the day of the month alone would. The wizard offers it only then.
     */
    public static boolean lastDayOfMonthChangesDates(AutoPayFrequency frequency, LocalDate start) {
        if (frequency == null || start == null || lastDayOfMonthProblem(frequency, start).isPresent()) {
            return false;
        }
        return !new AutoPaySchedule(frequency, start, false).dueDates(0, 12)
                .equals(new AutoPaySchedule(frequency, start, true).dueDates(0, 12));
    }

    /** Why "last day of the month" does not go with this start (see {@link AutoPaySchedule#lastDayOfMonthProblem}). */
    public static Optional<String> lastDayOfMonthProblem(AutoPayFrequency frequency, LocalDate start) {
        return Optional.ofNullable(AutoPaySchedule.lastDayOfMonthProblem(frequency, start));
    }

    /** Why AutoPay cannot be set up for this many payments (null: until the loan is paid off), or nothing. */
    public static Optional<String> numberOfPaymentsProblem(Integer count) {
        return count != null && (count < 1 || count > AutoPayTerms.MAX_PAYMENTS)
                ? Optional.of("Enter how many payments AutoPay makes, 1 to " + AutoPayTerms.MAX_PAYMENTS
                + ", or choose \"Until the loan is paid off\".")
                : Optional.empty();
    }
}
