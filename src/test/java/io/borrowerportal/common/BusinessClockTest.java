package io.borrowerportal.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void the_business_date_keeps_the_local_time_across_a_daylight_saving_change() {
        // 00:30 on July 1 in New York (EDT); December 10 is EST. Whole 24-hour days would give 23:30 on December 9.
        Clock summer = Clock.fixed(Instant.parse("2026-07-01T04:30:00Z"), NEW_YORK);

        Clock clock = new BusinessClock(summer, NEW_YORK, LocalDate.of(2026, 12, 10));

        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 10, 0, 30));
        assertThat(clock.getZone()).isEqualTo(NEW_YORK);
    }

    @Test
    void without_a_business_date_the_clock_is_the_lenders_real_time() {
        Clock clock = new BusinessClockConfiguration().clock(NEW_YORK, " ");

        assertThat(clock.getZone()).isEqualTo(NEW_YORK);
        assertThat(Math.abs(clock.millis() - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void a_new_zone_moves_the_time_of_day_but_not_the_instant() {
        Clock real = Clock.fixed(Instant.parse("2026-12-10T14:00:00Z"), NEW_YORK);
        BusinessClock clock = new BusinessClock(real, NEW_YORK, null);
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 10, 9, 0));

        clock.changeZone(LOS_ANGELES);

        assertThat(clock.getZone()).isEqualTo(LOS_ANGELES);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-10T14:00:00Z"));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 10, 6, 0));
    }

    @Test
    void with_a_business_date_a_new_zone_keeps_the_instant_and_shows_it_in_that_zone() {
        Clock real = Clock.fixed(Instant.parse("2026-07-01T13:00:00Z"), NEW_YORK);
        BusinessClock clock = new BusinessClock(real, NEW_YORK, LocalDate.of(2026, 12, 10));
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 10, 9, 0));
        Instant before = clock.instant();

        clock.changeZone(LOS_ANGELES);

        assertThat(clock.instant()).isEqualTo(before);
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 10, 6, 0));
        // 09:00 in New York is 03:00 the next day in Auckland: the zone's own date, as on a real clock.
        clock.changeZone(AUCKLAND);
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.of(2026, 12, 11, 3, 0));
    }
}
