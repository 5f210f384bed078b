package io.borrowerportal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The test context's business clock ({@code portal.today}, 2026-12-10), which a test can move to another
 * business date and back, as restarting the portal with another {@code portal.today} would. A test that moves
 * it resets it when it ends, since every test shares the one context.
 * <p>
 * Whatever the hour the suite starts, the clock starts at {@link #START} lender time and runs on from there:
 * a run that began near midnight would otherwise see the business date change halfway, and a run in the
 * afternoon would fall on the other side of the payment cut-off than one in the morning.
 */
public final class TestClock extends Clock {

    /** Well before the 5 p.m. cut-off and more than twelve hours before the business date ends. */
    public static final LocalTime START = LocalTime.of(9, 0);

    private final Clock base;
    /** From the configured clock's time to {@link #START} on its business date. */
    private final Duration anchor;
    private volatile Duration shift = Duration.ZERO;

    public TestClock(Clock base) {
        this.base = base;
        ZonedDateTime start = ZonedDateTime.of(LocalDate.now(base), START, base.getZone());
        this.anchor = Duration.between(base.instant(), start.toInstant());
    }

    /**
     * Makes {@code date} the business date, as {@code --portal.today=date} would, at the same time of day (local
     * time, so a daylight-saving change between the two dates does not move the date by an hour).
     */
    public void moveTo(LocalDate date) {
        ZonedDateTime now = ZonedDateTime.ofInstant(base.instant().plus(anchor), base.getZone());
        shift = Duration.between(now, now.with(date));
    }

    /** Moves the clock forward (or, negative, back) by the duration, on top of any {@link #moveTo}. */
    public void advance(Duration by) {
        shift = shift.plus(by);
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
        return Clock.offset(base.withZone(zone), anchor.plus(shift));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(anchor).plus(shift);
    }
}
