package io.borrowerportal.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket per API client ({@code portal.api.rate-limit.capacity} requests at once, refilled evenly over
 * {@code portal.api.rate-limit.refill-period}), so one servicer's runaway loop cannot take the portal's capacity from
 * its borrowers. Like the sign-in buckets (decision 017) they live in memory on each node: behind a load balancer a
 * client meets at most the nodes times the capacity. Every request that names a known client takes a token, a
 * refused one too, so a wrong secret cannot be tried faster than the limit.
 */
@Component
class ApiRateLimits {

    private final int capacity;
    private final Duration refillPeriod;
    private final Cache<Long, Bucket> buckets;
    private final TimeMeter time;

    ApiRateLimits(@Value("${portal.api.rate-limit.capacity:600}") int capacity,
                  @Value("${portal.api.rate-limit.refill-period:1m}") Duration refillPeriod, Clock clock) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalStateException("portal.api.rate-limit.capacity must be at least 1 and refill-period positive");
        }
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        // Idle buckets would be full again anyway; a few thousand clients at the very most.
        this.buckets = Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(refillPeriod).build();
        // The portal's clock, so a test can move time on instead of waiting for the refill.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes a token from the client's bucket: empty when taken, else how long until the next one. */
    Optional<Duration> take(long clientId) {
        Bucket bucket = buckets.get(clientId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int capacity() {
        return capacity;
    }
}
