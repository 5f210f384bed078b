package io.borrowerportal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something another thread or node does, by asking again, never by a fixed sleep taken as proof. */
public final class Polling {

    private Polling() {
    }

    /** How long until the condition held, polling every 20 ms; fails once the limit has passed. */
    public static Duration within(Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
