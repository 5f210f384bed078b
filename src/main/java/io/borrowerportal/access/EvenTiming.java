package io.borrowerportal.access;

import java.time.Duration;

/**
 * Makes an anonymous request take the same time whatever it found. Both paths already do the same work up to
 * the commit (a link is issued and hashed either way), but a commit that queued an email costs a few
 * milliseconds more than a rollback, and the delivery that follows it competes for the CPU: measured over many
 * tries, that still tells a known email from an unknown one. So the answer waits until a fixed time has passed
 * since the request began, longer than the work takes.
 */
final class EvenTiming {

    /** Well above the work's time (about 50 ms on two busy cores). */
    static final Duration FLOOR = Duration.ofMillis(250);

    private EvenTiming() {
    }

    static void run(Runnable work) {
        long deadline = System.nanoTime() + FLOOR.toNanos();
        try {
            work.run();
        } finally {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(left));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
