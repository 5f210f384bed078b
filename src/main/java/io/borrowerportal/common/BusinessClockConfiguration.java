package io.borrowerportal.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one {@link Clock} every service uses, a {@link BusinessClock}. Its zone is the lender's time zone, so
 * {@code LocalDate.now(clock)} is the business date; {@code portal.time-zone} is the zone until the settings are
 * read, which then set it (decision 024). With {@code portal.today} set, the clock is shifted so the business date
 * is that day, at the same local time, while the time of day still runs: demos and acceptance runs see the whole
 * application as of that date.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

    @Bean
    BusinessClock clock(@Value("${portal.time-zone:America/New_York}") ZoneId lenderZone,
                        @Value("${portal.today:}") String today) {
        LocalDate businessDate = today == null || today.isBlank() ? null : LocalDate.parse(today.trim());
        return new BusinessClock(Clock.systemUTC(), lenderZone, businessDate);
    }
}
