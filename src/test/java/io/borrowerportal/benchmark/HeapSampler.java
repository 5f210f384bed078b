package io.borrowerportal.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest heap use seen while a benchmark's run lasts, sampled every 20 ms on a daemon thread: what a run
 * costs in memory at its worst, garbage included, as an operator sizing the JVM would see it.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    private final Thread sampler;

    private HeapSampler() {
        sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static HeapSampler start() {
        return new HeapSampler();
    }

    /** The peak so far, in MB. */
    long peakMegabytes() {
        return peak.get() >> 20;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
