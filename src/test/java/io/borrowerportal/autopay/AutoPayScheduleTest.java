package io.borrowerportal.autopay;

import io.borrowerportal.settings.AutoPayFrequency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

class AutoPayScheduleTest {

    private static AutoPaySchedule schedule(AutoPayFrequency frequency, LocalDate start, boolean lastDay) {
        return new AutoPaySchedule(frequency, start, lastDay);
    }

    @Test
    void monthly_from_january_31_pays_on_the_last_day_of_shorter_months_and_the_31st_again() {
        assertThat(schedule(AutoPayFrequency.MONTHLY, of(2027, 1, 31), false).dueDates(0, 5))
                .containsExactly(of(2027, 1, 31), of(2027, 2, 28), of(2027, 3, 31), of(2027, 4, 30), of(2027, 5, 31));
    }

    @Test
    void monthly_from_january_31_pays_february_29_in_a_leap_year() {
        assertThat(schedule(AutoPayFrequency.MONTHLY, of(2028, 1, 31), false).dueDate(1)).isEqualTo(of(2028, 2, 29));
    }

    @Test
    void monthly_on_the_30th_keeps_the_30th_unless_it_is_always_the_last_day() {
        assertThat(schedule(AutoPayFrequency.MONTHLY, of(2027, 4, 30), false).dueDates(0, 3))
                .containsExactly(of(2027, 4, 30), of(2027, 5, 30), of(2027, 6, 30));
        assertThat(schedule(AutoPayFrequency.MONTHLY, of(2027, 4, 30), true).dueDates(0, 3))
                .containsExactly(of(2027, 4, 30), of(2027, 5, 31), of(2027, 6, 30));
        assertThat(schedule(AutoPayFrequency.MONTHLY, of(2027, 2, 28), true).dueDate(1)).isEqualTo(of(2027, 3, 31));
    }

    @Test
    void the_last_day_option_needs_a_start_that_can_carry_it() {
        assertThat(AutoPaySchedule.lastDayOfMonthProblem(AutoPayFrequency.MONTHLY, of(2027, 4, 30))).isNull();
        assertThat(AutoPaySchedule.lastDayOfMonthProblem(AutoPayFrequency.MONTHLY, of(2027, 4, 29)))
                .contains("start on the last day of a month");
        assertThat(AutoPaySchedule.lastDayOfMonthProblem(AutoPayFrequency.SEMI_MONTHLY, of(2027, 4, 15))).isNull();
        assertThat(AutoPaySchedule.lastDayOfMonthProblem(AutoPayFrequency.SEMI_MONTHLY, of(2027, 4, 20)))
                .contains("start on the first of the two days (the 1st to the 15th) or on the last day of a month");
        assertThat(AutoPaySchedule.lastDayOfMonthProblem(AutoPayFrequency.WEEKLY, of(2027, 4, 30)))
                .isEqualTo("Only monthly and twice-a-month AutoPays can pay on the last day of the month.");
    }

    @Test
    void semi_monthly_pays_a_day_and_fifteen_days_later_with_the_start_as_either_one() {
        assertThat(schedule(AutoPayFrequency.SEMI_MONTHLY, of(2027, 1, 1), false).dueDates(0, 4))
                .containsExactly(of(2027, 1, 1), of(2027, 1, 16), of(2027, 2, 1), of(2027, 2, 16));
        assertThat(schedule(AutoPayFrequency.SEMI_MONTHLY, of(2027, 1, 20), false).dueDates(0, 4))
                .containsExactly(of(2027, 1, 20), of(2027, 2, 5), of(2027, 2, 20), of(2027, 3, 5));
    }

    @Test
    void semi_monthly_on_the_15th_and_30th_falls_back_to_february_28() {
        assertThat(schedule(AutoPayFrequency.SEMI_MONTHLY, of(2027, 1, 15), false).dueDates(0, 6))
                .containsExactly(of(2027, 1, 15), of(2027, 1, 30), of(2027, 2, 15), of(2027, 2, 28),
                        of(2027, 3, 15), of(2027, 3, 30));
    }

    @Test
    void semi_monthly_on_the_15th_and_the_last_day() {
        assertThat(schedule(AutoPayFrequency.SEMI_MONTHLY, of(2027, 1, 15), true).dueDates(0, 6))
                .containsExactly(of(2027, 1, 15), of(2027, 1, 31), of(2027, 2, 15), of(2027, 2, 28),
                        of(2027, 3, 15), of(2027, 3, 31));
        assertThat(schedule(AutoPayFrequency.SEMI_MONTHLY, of(2027, 4, 30), true).dueDates(0, 3))
                .containsExactly(of(2027, 4, 30), of(2027, 5, 15), of(2027, 5, 31));
    }

    @Test
    void weekly_and_every_two_weeks_step_seven_and_fourteen_days_across_months_and_years() {
        assertThat(schedule(AutoPayFrequency.WEEKLY, of(2026, 12, 24), false).dueDates(0, 3))
                .containsExactly(of(2026, 12, 24), of(2026, 12, 31), of(2027, 1, 7));
        assertThat(schedule(AutoPayFrequency.BIWEEKLY, of(2026, 12, 18), false).dueDates(0, 4))
                .containsExactly(of(2026, 12, 18), of(2027, 1, 1), of(2027, 1, 15), of(2027, 1, 29));
    }

    @Test
    void one_time_has_one_date_and_ignores_the_last_day_option() {
        AutoPaySchedule once = schedule(AutoPayFrequency.ONE_TIME, of(2026, 12, 28), true);
        assertThat(once.lastDayOfMonth()).isFalse();
        assertThat(once.dueDates(0, 5)).containsExactly(of(2026, 12, 28));
        assertThat(once.dueDate(1)).isNull();
    }

    @Test
    void a_due_date_on_a_holiday_or_weekend_is_processed_on_the_next_business_day() {
        assertThat(AutoPaySchedule.processDate(of(2026, 12, 25))).isEqualTo(of(2026, 12, 28));
        assertThat(AutoPaySchedule.processDate(of(2027, 1, 1))).isEqualTo(of(2027, 1, 4));
        assertThat(AutoPaySchedule.processDate(of(2027, 1, 30))).isEqualTo(of(2027, 2, 1));
        assertThat(AutoPaySchedule.processDate(of(2026, 12, 29))).isEqualTo(of(2026, 12, 29));
    }

    @Test
    void the_first_date_after_a_day_is_found_by_its_index() {
        AutoPaySchedule monthly = schedule(AutoPayFrequency.MONTHLY, of(2026, 12, 25), false);
        assertThat(monthly.firstIndexAfter(of(2027, 1, 25), false)).isEqualTo(2);
        assertThat(monthly.firstIndexAfter(of(2027, 1, 25), true)).isEqualTo(1);
        assertThat(schedule(AutoPayFrequency.ONE_TIME, of(2026, 12, 25), false).firstIndexAfter(of(2026, 12, 25), false))
                .isNull();
    }
}
