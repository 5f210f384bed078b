package io.borrowerportal.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The business clock (decision 003): the time now, in the lender's time zone, so {@code LocalDate.now(clock)} is the
 * business date. The zone is a setting the admin may change while the portal runs (decision 024), so it is held
 * here and replaced when the settings are read or saved; every service that holds the injected clock follows.
 * With a business date set ({@code portal.today}) the clock is shifted, once at start-up, so the business date is
 * that day at the same local time. A change of zone later moves only the view, never the instant: time stays
 * monotonic for every timestamp, and near midnight the new zone's date may be a day either side of that day.
 */
public final class BusinessClock extends Clock {

    private final Clock system;
    /** From the system's time to the business date's (zero without {@code portal.today}). */
    private final Duration shift;
    private volatile ZoneId zone;

    /**
     * @param system       where the time comes from (the system clock, in any zone)
     * @param zone         the lender's time zone until the settings say otherwise
     * @param businessDate the date to run as of, or null for the real date
     */
    public BusinessClock(Clock system, ZoneId zone, LocalDate businessDate) {
        this.system = Objects.requireNonNull(system, "system");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (businessDate == null) {
            this.shift = Duration.ZERO;
        } else {
            // Same local time on the business date: whole 24-hour days would be an hour off across a change of
            // daylight-saving time, and near midnight that is another date.
            ZonedDateTime now = ZonedDateTime.now(system.withZone(zone));
            this.shift = Duration.between(now, now.with(businessDate));
        }
    }

    /** Makes {@code zone} the lender's time zone from now on. */
    public void changeZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), shift);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(shift);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
