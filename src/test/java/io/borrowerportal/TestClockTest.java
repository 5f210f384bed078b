package io.borrowerportal;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TestClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void a_suite_started_just_before_midnight_still_has_the_whole_business_date_ahead() {
        Clock lateEvening = Clock.fixed(Instant.parse("2026-12-11T04:55:00Z"), NEW_YORK); // 23:55 on December 10

        TestClock clock = new TestClock(lateEvening);

        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDate.of(2026, 12, 10).atTime(TestClock.START));
        assertThat(LocalDateTime.now(clock.withZone(NEW_YORK))).isEqualTo(LocalDateTime.now(clock));
    }

    @Test
    void moving_to_a_summer_date_keeps_the_time_of_day_and_reset_comes_back() {
        TestClock clock = new TestClock(Clock.fixed(Instant.parse("2026-12-10T20:00:00Z"), NEW_YORK));

        clock.moveTo(LocalDate.of(2027, 7, 1));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDate.of(2027, 7, 1).atTime(TestClock.START));

        clock.reset();
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDate.of(2026, 12, 10).atTime(TestClock.START));
    }
}
