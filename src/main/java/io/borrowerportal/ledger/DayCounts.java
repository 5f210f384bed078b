package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Day counts and interest in exact arithmetic. Interest is carried as "units" = balance × rate% × days,
 * which is exact in BigDecimal; dividing by {@link #denominator} (100 × year length) gives dollars. Keeping
 * the division until the moment an amount is posted means there is only ever one rounding, so the ledger
 * replay and the schedule round the same true value the same way.
 */
final class DayCounts {

    private static final BigDecimal THIRTY_360_DENOMINATOR = BigDecimal.valueOf(100L * 360);
    private static final BigDecimal ACTUAL_365_DENOMINATOR = BigDecimal.valueOf(100L * 365);

    private DayCounts() {
    }

    static BigDecimal denominator(DayCount dayCount) {
        return dayCount == DayCount.THIRTY_360 ? THIRTY_360_DENOMINATOR : ACTUAL_365_DENOMINATOR;
    }

    /** Days of interest from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    static int days(DayCount dayCount, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return dayCount == DayCount.THIRTY_360 ? days360(from, to) : (int) ChronoUnit.DAYS.between(from, to);
    }

    /**
     * US 30/360 (bond basis). Only D1 gets the end-of-February rule, as the product specifies, so Feb 28 →
     * Mar 31 is a regular 30-day month while Jan 31 → Feb 28 counts 28 days.
     */
    static int days360(LocalDate from, LocalDate to) {
        int d1 = from.getDayOfMonth();
        int d2 = to.getDayOfMonth();
        if (d1 == 31 || isLastDayOfFebruary(from)) {
            d1 = 30;
        }
        if (d2 == 31 && d1 == 30) {
            d2 = 30;
        }
        return 360 * (to.getYear() - from.getYear()) + 30 * (to.getMonthValue() - from.getMonthValue()) + d2 - d1;
    }

    private static boolean isLastDayOfFebruary(LocalDate date) {
        return date.getMonthValue() == 2 && date.getDayOfMonth() == date.lengthOfMonth();
    }

    static BigDecimal units(BigDecimal balance, BigDecimal annualRatePercent, int days) {
        if (days == 0 || balance.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return balance.multiply(annualRatePercent).multiply(BigDecimal.valueOf(days));
    }

    /** Units to dollars, half-up to the cent in a single rounding. */
    static BigDecimal toCents(BigDecimal units, BigDecimal denominator) {
        return units.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /**
     * Due date of installment {@code number} (1-based, may run past the contract for forecasts). Always
     * computed from the first due date so a 31st stays the 31st after a short February.
     */
    static LocalDate dueDate(LoanTerms terms, int number) {
        return terms.firstDueDate().plusMonths(number - 1L);
    }

    /** The smallest installment number whose due date is on or after {@code date}. */
    static int firstInstallmentOnOrAfter(LoanTerms terms, LocalDate date) {
        long guess = Math.max(1, ChronoUnit.MONTHS.between(terms.firstDueDate(), date));
        int k = (int) Math.min(guess, Integer.MAX_VALUE / 2);
        while (k > 1 && !dueDate(terms, k - 1).isBefore(date)) {
            k--;
        }
        while (dueDate(terms, k).isBefore(date)) {
            k++;
        }
        return k;
    }
}
