package io.borrowerportal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The test context's business clock ({@code portal.today}, 2026-12-10), which a test can move to another
 * business date and back, as restarting the portal with another {@code portal.today} would: the time of day
 * keeps running. A test that moves it resets it when it ends, since every test shares the one context.
 */
public final class TestClock extends Clock {

    private final Clock base;
    private volatile Duration shift = Duration.ZERO;

    public TestClock(Clock base) {
        this.base = base;
    }

    /** Makes {@code date} the business date, as {@code --portal.today=date} would. */
    public void moveTo(LocalDate date) {
        shift = Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(base), date));
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), shift);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shift);
    }
}
