package io.borrowerportal.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_2025_holidays_are_the_eleven_federal_reserve_dates() {
        assertThat(BusinessCalendar.holidays(2025)).containsExactlyInAnyOrder(
                d("2025-01-01"), d("2025-01-20"), d("2025-02-17"), d("2025-05-26"), d("2025-06-19"),
                d("2025-07-04"), d("2025-09-01"), d("2025-10-13"), d("2025-11-11"), d("2025-11-27"),
                d("2025-12-25"));
    }

    @Test
    void the_2026_holidays_keep_independence_day_on_its_saturday() {
        assertThat(BusinessCalendar.holidays(2026)).containsExactlyInAnyOrder(
                d("2026-01-01"), d("2026-01-19"), d("2026-02-16"), d("2026-05-25"), d("2026-06-19"),
                d("2026-07-04"), d("2026-09-07"), d("2026-10-12"), d("2026-11-11"), d("2026-11-26"),
                d("2026-12-25"));
        assertThat(BusinessCalendar.isBusinessDay(d("2026-11-26"))).as("Thanksgiving").isFalse();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-07-03"))).as("Friday before a Saturday July 4th").isTrue();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-07-06"))).as("Monday after a Saturday July 4th").isTrue();
    }

    @Test
    void a_sunday_holiday_is_observed_on_monday_and_a_saturday_holiday_is_not_moved() {
        assertThat(BusinessCalendar.isBusinessDay(d("2027-07-05"))).as("Monday for Sunday July 4th 2027").isFalse();
        assertThat(BusinessCalendar.holidays(2027)).contains(d("2027-07-05")).doesNotContain(d("2027-07-04"));
        assertThat(BusinessCalendar.isBusinessDay(d("2027-12-24"))).as("Friday before Saturday Christmas 2027").isTrue();
        assertThat(BusinessCalendar.isBusinessDay(d("2027-12-31"))).as("Friday before Saturday New Year 2028").isTrue();
        assertThat(BusinessCalendar.isBusinessDay(d("2027-06-18"))).as("Friday before Saturday Juneteenth 2027").isTrue();
        assertThat(BusinessCalendar.isBusinessDay(d("2023-01-02"))).as("Monday for Sunday New Year 2023").isFalse();
        assertThat(BusinessCalendar.holidays(2027)).contains(d("2027-01-18"), d("2027-02-15"), d("2027-05-31"),
                d("2027-09-06"), d("2027-10-11"), d("2027-11-11"), d("2027-11-25"));
    }

    @Test
    void weekends_are_not_business_days_and_ordinary_weekdays_are() {
        assertThat(BusinessCalendar.isBusinessDay(d("2026-03-14"))).as("Saturday").isFalse();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-03-15"))).as("Sunday").isFalse();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-03-16"))).as("Monday").isTrue();
        assertThat(BusinessCalendar.isBusinessDay(d("2026-03-13"))).as("Friday").isTrue();
    }

    @Test
    void on_or_after_keeps_a_business_day_and_moves_past_weekends_and_holidays() {
        assertThat(BusinessCalendar.onOrAfter(d("2026-03-16"))).isEqualTo(d("2026-03-16"));
        assertThat(BusinessCalendar.onOrAfter(d("2026-03-14"))).isEqualTo(d("2026-03-16"));
        assertThat(BusinessCalendar.onOrAfter(d("2026-09-05"))).as("Saturday before Labor Day").isEqualTo(d("2026-09-08"));
        assertThat(BusinessCalendar.onOrAfter(d("2027-07-03"))).isEqualTo(d("2027-07-06"));
    }

    @Test
    void next_is_strictly_after_the_date() {
        assertThat(BusinessCalendar.next(d("2026-03-16"))).isEqualTo(d("2026-03-17"));
        assertThat(BusinessCalendar.next(d("2026-03-13"))).isEqualTo(d("2026-03-16"));
        assertThat(BusinessCalendar.next(d("2026-12-24"))).as("past Christmas Friday and the weekend").isEqualTo(d("2026-12-28"));
        assertThat(BusinessCalendar.next(d("2025-12-31"))).as("past New Year's Day").isEqualTo(d("2026-01-02"));
    }

    @Test
    void plus_business_days_skips_a_holiday_weekend() {
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-09-04"), 1)).as("Labor Day weekend").isEqualTo(d("2026-09-08"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-09-04"), 2)).isEqualTo(d("2026-09-09"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-11-25"), 2)).as("across Thanksgiving").isEqualTo(d("2026-11-30"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-03-16"), 0)).isEqualTo(d("2026-03-16"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-09-08"), -1)).as("backwards over Labor Day").isEqualTo(d("2026-09-04"));
        assertThat(BusinessCalendar.plusBusinessDays(d("2026-03-16"), 10)).isEqualTo(d("2026-03-30"));
    }

    @Test
    void holidays_are_cached_per_year_and_cannot_be_changed() {
        assertThat(BusinessCalendar.holidays(2030)).isSameAs(BusinessCalendar.holidays(2030));
        assertThat(BusinessCalendar.holidays(2030)).isUnmodifiable();
        assertThat(BusinessCalendar.holidays(2020)).as("before Juneteenth").hasSize(10);
    }
}
