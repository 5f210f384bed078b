package io.borrowerportal.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token buckets per client address and endpoint (decision 017): the guessing that the per-account lockout does
 * not see, one address trying many accounts, or many activation, reset or email-change codes. Each endpoint has
 * a bucket of {@code capacity} tokens per address that refills evenly over {@code refill-period}; one attempt
 * takes one token. Views of those endpoints call {@link #check}; sign-in is checked by a filter before
 * authentication.
 * <p>
 * Buckets live in memory on each node, at most {@link #MAX_ADDRESSES} addresses per endpoint (the least recently
 * used go first), and a bucket idle for its refill period is dropped, since it would be full again anyway. Behind
 * a load balancer each node counts on its own, so the limit a client meets is at most the nodes times the
 * capacity. The client address is {@code request.getRemoteAddr()}, the real client behind the proxy once
 * {@code server.forward-headers-strategy} is set.
 */
@Component
public class ClientRateLimits {

    /** Addresses remembered per endpoint: about 30 MB at the most for all four endpoints. */
    static final int MAX_ADDRESSES = 100_000;

    /** The endpoints with a limit, with their defaults ({@code portal.rate-limits.<key>.capacity}, {@code .refill-period}). */
    public enum Endpoint {
        /** POST /login: a person mistyping is far below this; a script trying many accounts is not. */
        SIGN_IN("sign-in", 30, Duration.ofMinutes(5)),
        ACTIVATION("activation", 10, Duration.ofMinutes(15)),
        /** Each request may send an email, so fewer. */
        PASSWORD_RESET("password-reset", 5, Duration.ofMinutes(15)),
        EMAIL_CHANGE("email-change", 5, Duration.ofMinutes(15));

        private final String key;
        private final int defaultCapacity;
        private final Duration defaultRefillPeriod;

        Endpoint(String key, int defaultCapacity, Duration defaultRefillPeriod) {
            this.key = key;
            this.defaultCapacity = defaultCapacity;
            this.defaultRefillPeriod = defaultRefillPeriod;
        }
    }

    private record Limit(int capacity, Duration refillPeriod, Cache<String, Bucket> buckets) {
    }

    private final Map<Endpoint, Limit> limits = new EnumMap<>(Endpoint.class);
    private final TimeMeter time;

    ClientRateLimits(Environment environment, Clock clock) {
        // The portal's clock, so a test can move time forward instead of waiting for a refill.
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
        for (Endpoint endpoint : Endpoint.values()) {
            String prefix = "portal.rate-limits." + endpoint.key + ".";
            int capacity = environment.getProperty(prefix + "capacity", Integer.class, endpoint.defaultCapacity);
            Duration period = environment.getProperty(prefix + "refill-period", Duration.class, endpoint.defaultRefillPeriod);
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalStateException(prefix + "capacity must be at least 1 and refill-period positive");
            }
            Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES)
                    .expireAfterAccess(period).build();
            limits.put(endpoint, new Limit(capacity, period, buckets));
        }
    }

    /**
     * Takes one attempt from the address's bucket for the endpoint.
     *
     * @throws TooManyAttemptsException when the bucket is empty; nothing was taken then
     */
    public void check(Endpoint endpoint, String clientAddress) {
        ConsumptionProbe probe = bucket(endpoint, clientAddress).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyAttemptsException(endpoint, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** How many attempts an address may make at once, before it has to wait for the refill. */
    public int capacity(Endpoint endpoint) {
        return limits.get(endpoint).capacity();
    }

    public Duration refillPeriod(Endpoint endpoint) {
        return limits.get(endpoint).refillPeriod();
    }

    private Bucket bucket(Endpoint endpoint, String clientAddress) {
        Limit limit = limits.get(endpoint);
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.strip().toLowerCase(Locale.ROOT);
        return limit.buckets().get(address, ignored -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.refillPeriod()))
                .withCustomTimePrecision(time)
                .build());
    }
}
