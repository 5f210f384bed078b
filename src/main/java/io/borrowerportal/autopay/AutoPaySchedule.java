package io.borrowerportal.autopay;

import io.borrowerportal.common.BusinessCalendar;
import io.borrowerportal.settings.AutoPayFrequency;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The due dates of an AutoPay, numbered from 0 (the start date). Dates are computed from the start date and
 * the index, never by stepping from the previous date, so a monthly AutoPay started on January 31 pays on
 * February 28 (29 in a leap year) and then on March 31 again.
 * <ul>
 *   <li>weekly and every two weeks: 7 or 14 days apart;</li>
 *   <li>monthly: the start date's day of the month, or the month's last day when the month is shorter; with
 *       {@code lastDayOfMonth} (a start on a month's last day) always the last day, so April 30 leads to May 31;</li>
 *   <li>twice a month: a day D from 1 to 15 and D + 15 (or the month's last day when shorter); the start date is
 *       either of the two. With {@code lastDayOfMonth} the second day is always the month's last day (the 15th
 *       and the last, the usual payroll pair);</li>
 *   <li>one time: the start date only.</li>
 * </ul>
 * A due date that is not a Federal Reserve business day is processed on the next business day
 * ({@link #processDate}).
 */
public record AutoPaySchedule(AutoPayFrequency frequency, LocalDate start, boolean lastDayOfMonth) {

    public AutoPaySchedule {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(start, "start");
        if (frequency != AutoPayFrequency.MONTHLY && frequency != AutoPayFrequency.SEMI_MONTHLY) {
            lastDayOfMonth = false;
        }
    }

    /** Whether "always the last day of the month" can go with this start date (see {@link #lastDayOfMonthProblem}). */
    public static boolean lastDayOfMonthPossible(AutoPayFrequency frequency, LocalDate start) {
        return lastDayOfMonthProblem(frequency, start) == null;
    }

    /**
     * Why "last day of the month" does not go with this start, or null when it does: monthly needs a start on
     * a month's last day; twice a month needs a start on the first day of the pair (1 to 15) or on a month's
     * last day, since the start is always the first payment.
     */
    public static String lastDayOfMonthProblem(AutoPayFrequency frequency, LocalDate start) {
        boolean monthEnd = start.getDayOfMonth() == start.lengthOfMonth();
        return switch (frequency) {
            case MONTHLY -> monthEnd ? null
                    : "To pay on the last day of every month, start on the last day of a month.";
            case SEMI_MONTHLY -> monthEnd || start.getDayOfMonth() <= 15 ? null
                    : "To pay twice a month on a day and the month's last day, start on the first of the two days "
                    + "(the 1st to the 15th) or on the last day of a month.";
            default -> "Only monthly and twice-a-month AutoPays can pay on the last day of the month.";
        };
    }

    /** The due date number {@code index} (0 = the start date), or null when the schedule has no such date. */
    public LocalDate dueDate(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index);
        }
        return switch (frequency) {
            case ONE_TIME -> index == 0 ? start : null;
            case WEEKLY -> start.plusWeeks(index);
            case BIWEEKLY -> start.plusWeeks(2L * index);
            case MONTHLY -> {
                LocalDate month = start.plusMonths(index);
                yield lastDayOfMonth ? month.with(TemporalAdjusters.lastDayOfMonth()) : month;
            }
            case SEMI_MONTHLY -> semiMonthly(index);
        };
    }

    private LocalDate semiMonthly(int index) {
        int day = start.getDayOfMonth();
        boolean monthEnd = day == start.lengthOfMonth();
        // The pair (first, first + 15); a start in the second half is the pair's second day.
        boolean startsFirst = day <= 15;
        int first = startsFirst ? day : lastDayOfMonth && monthEnd ? 15 : day - 15;
        int position = index + (startsFirst ? 0 : 1);
        LocalDate month = start.withDayOfMonth(1).plusMonths(position / 2);
        if (position % 2 == 0) {
            return month.withDayOfMonth(first);
        }
        int second = lastDayOfMonth ? month.lengthOfMonth() : Math.min(first + 15, month.lengthOfMonth());
        return month.withDayOfMonth(second);
    }

    /** When a due date's money moves: the due date, or the next Federal Reserve business day. */
    public static LocalDate processDate(LocalDate dueDate) {
        return BusinessCalendar.onOrAfter(dueDate);
    }

    /** The index of the first due date after {@code date} (on or after, when {@code inclusive}); null if none. */
    public Integer firstIndexAfter(LocalDate date, boolean inclusive) {
        // A linear walk: a few hundred steps for a weekly AutoPay ten years on, nothing a caller would notice.
        for (int index = 0; ; index++) {
            LocalDate due = dueDate(index);
            if (due == null) {
                return null;
            }
            if (inclusive ? !due.isBefore(date) : due.isAfter(date)) {
                return index;
            }
        }
    }

    /** {@code count} due dates from {@code from} on (fewer when the schedule ends). */
    public List<LocalDate> dueDates(int from, int count) {
        List<LocalDate> dates = new ArrayList<>(count);
        for (int index = from; dates.size() < count; index++) {
            LocalDate due = dueDate(index);
            if (due == null) {
                break;
            }
            dates.add(due);
        }
        return dates;
    }
}
