package io.borrowerportal.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessClockConfigurationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void the_business_date_keeps_the_local_time_across_a_daylight_saving_change() {
        // 00:30 on July 1 in New York (EDT); December 10 is EST. Whole 24-hour days would give 23:30 on December 9.
        Clock summer = Clock.fixed(Instant.parse("2026-07-01T04:30:00Z"), NEW_YORK);

        Clock clock = BusinessClockConfiguration.asOf(summer, LocalDate.of(2026, 12, 10));

        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 10, 0, 30));
        assertThat(clock.getZone()).isEqualTo(NEW_YORK);
    }

    @Test
    void without_a_business_date_the_clock_is_the_lenders_real_time() {
        Clock clock = new BusinessClockConfiguration().clock(NEW_YORK, " ");

        assertThat(clock.getZone()).isEqualTo(NEW_YORK);
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(60_000);
    }
}
