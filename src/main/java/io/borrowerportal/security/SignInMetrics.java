package io.borrowerportal.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sign-ins as Prometheus counts them ({@code portal_sign_ins_total}): by outcome, and for a failure by its reason
 * (wrong password, unknown account, locked, not active, wrong code), the same reasons {@code sign_in_failures}
 * keeps. A rise in unknown accounts from few addresses is credential stuffing; in wrong codes, a phished password.
 * No name or address is a tag: the series stay few and hold no personal data.
 */
@Component
class SignInMetrics {

    static final String NAME = "portal.sign.ins";

    private final Counter succeeded;
    private final Map<SignInLockout.Reason, Counter> failed = new EnumMap<>(SignInLockout.Reason.class);

    SignInMetrics(MeterRegistry registry) {
        succeeded = counter(registry, "success", "none");
        for (SignInLockout.Reason reason : SignInLockout.Reason.values()) {
            failed.put(reason, counter(registry, "failure", reason.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static Counter counter(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(NAME).description("Sign-in attempts, by outcome and reason of failure")
                .tag("outcome", outcome).tag("reason", reason).register(registry);
    }

    void succeeded() {
        succeeded.increment();
    }

    void failed(SignInLockout.Reason reason) {
        failed.get(reason).increment();
    }
}
