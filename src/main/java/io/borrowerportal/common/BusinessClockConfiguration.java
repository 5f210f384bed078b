package io.borrowerportal.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one {@link Clock} every service uses. Its zone is the lender's time zone, so
 * {@code LocalDate.now(clock)} is the business date. With {@code portal.today} set, the clock is
 * shifted by whole days so the business date is that day while the time of day still runs: demos and
 * acceptance runs see the whole application as of that date.
 */
@Configuration(proxyBeanMethods = false)
class BusinessClockConfiguration {

    @Bean
    Clock clock(@Value("${portal.time-zone:America/New_York}") ZoneId lenderZone,
                @Value("${portal.today:}") String today) {
        Clock system = Clock.system(lenderZone);
        if (today == null || today.isBlank()) {
            return system;
        }
        LocalDate businessDate = LocalDate.parse(today.trim());
        long days = ChronoUnit.DAYS.between(LocalDate.now(system), businessDate);
        return Clock.offset(system, Duration.ofDays(days));
    }
}
