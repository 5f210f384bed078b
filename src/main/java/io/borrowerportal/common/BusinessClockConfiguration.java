package io.borrowerportal.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one {@link Clock} every service uses. Its zone is the lender's time zone, so
 * {@code LocalDate.now(clock)} is the business date. With {@code portal.today} set, the clock is
 * shifted so the business date is that day, at the same local time, while the time of day still runs: demos and
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
        return asOf(system, LocalDate.parse(today.trim()));
    }

    /**
     * {@code system}, moved to the same local time on {@code businessDate}: whole 24-hour days would be an hour
     * off across a change of daylight-saving time, and near midnight that is another date.
     */
    static Clock asOf(Clock system, LocalDate businessDate) {
        ZonedDateTime now = ZonedDateTime.now(system);
        return Clock.offset(system, Duration.between(now, now.with(businessDate)));
    }
}
