package io.borrowerportal.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Business days of the US Federal Reserve, which is when ACH money moves: not a weekend and not a
 * Federal Reserve holiday. The Fed moves a Sunday holiday to Monday but does not move a Saturday
 * holiday (it is open the Friday before), which is why this is not the federal employees' calendar.
 * Holidays are computed by rule, not typed in, so the calendar never runs out of years.
 */
public final class BusinessCalendar {

    /** Juneteenth became a Federal Reserve holiday in 2021 (that year it fell on a Saturday). */
    private static final int FIRST_JUNETEENTH = 2021;

    private static final Map<Integer, Set<LocalDate>> HOLIDAYS_BY_YEAR = new ConcurrentHashMap<>();

    private BusinessCalendar() {
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date);
    }

    /** The date itself when it is a business day, otherwise the next business day. */
    public static LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first business day strictly after the date. */
    public static LocalDate next(LocalDate date) {
        return onOrAfter(date.plusDays(1));
    }

    /**
     * Counts {@code n} business days from the date: with n = 2 a debit sent on Friday settles on
     * Tuesday (or Wednesday after a Monday holiday). A negative n counts backwards; zero returns the
     * date unchanged, business day or not.
     */
    public static LocalDate plusBusinessDays(LocalDate date, int n) {
        LocalDate day = date;
        int step = n >= 0 ? 1 : -1;
        for (int remaining = Math.abs(n); remaining > 0; remaining--) {
            day = day.plusDays(step);
            while (!isBusinessDay(day)) {
                day = day.plusDays(step);
            }
        }
        return day;
    }

    /**
     * The Federal Reserve holidays of the year as the dates the Fed is closed for them: a Sunday
     * holiday appears as the following Monday, a Saturday holiday stays on its Saturday.
     */
    public static Set<LocalDate> holidays(int year) {
        return HOLIDAYS_BY_YEAR.computeIfAbsent(year, BusinessCalendar::computeHolidays);
    }

    private static Set<LocalDate> computeHolidays(int year) {
        List<LocalDate> days = new ArrayList<>(11);
        days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));
        days.add(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3));
        days.add(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= FIRST_JUNETEENTH) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19)));
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));
        days.add(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1));
        days.add(nth(year, Month.OCTOBER, DayOfWeek.MONDAY, 2));
        days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11)));
        days.add(nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4));
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        return Set.copyOf(days);
    }

    private static LocalDate observed(LocalDate holiday) {
        return holiday.getDayOfWeek() == DayOfWeek.SUNDAY ? holiday.plusDays(1) : holiday;
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
