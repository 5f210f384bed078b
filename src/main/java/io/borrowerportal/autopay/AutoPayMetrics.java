package io.borrowerportal.autopay;

import io.borrowerportal.common.JobCompletions;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.SettingsService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The AutoPay run as Prometheus sees it (decision 038): how long each run took ({@code portal_autopay_run_seconds}),
 * what it did to each AutoPay ({@code portal_autopay_run_outcomes_total}, by outcome), the business date it last
 * completed for, and {@code portal_autopay_run_overdue}: 1 when AutoPay is on, today's run time is more than
 * {@link #GRACE} past, and no run has completed for today. That one is read from the database, so every node gives
 * the same answer, also when the node that should have run the job is the one that is gone.
 */
@Component
class AutoPayMetrics {

    static final String JOB = "autopay-run";
    /** A run takes a minute or two; the job looks every minute from the run time on. */
    static final Duration GRACE = Duration.ofMinutes(30);

    private final Timer runs;
    private final Map<String, Counter> outcomes = new LinkedHashMap<>();
    private final Map<String, ToIntFunction<AutoPayRunReport>> counts = new LinkedHashMap<>();
    private final JobCompletions completions;
    private final SettingsService settings;
    private final Clock clock;

    AutoPayMetrics(MeterRegistry registry, JobCompletions completions, SettingsService settings, Clock clock) {
        this.completions = completions;
        this.settings = settings;
        this.clock = clock;
        runs = Timer.builder("portal.autopay.run").description("Duration of each AutoPay run").register(registry);
        counts.put("paid", AutoPayRunReport::paid);
        counts.put("skipped", AutoPayRunReport::skipped);
        counts.put("ended", AutoPayRunReport::ended);
        counts.put("not_paid", AutoPayRunReport::notPaid);
        counts.put("suspended", AutoPayRunReport::suspended);
        counts.put("declined", AutoPayRunReport::declined);
        counts.put("error", AutoPayRunReport::errors);
        counts.put("leftover_charged", AutoPayRunReport::leftovers);
        counts.keySet().forEach(outcome -> outcomes.put(outcome, Counter.builder("portal.autopay.run.outcomes")
                .description("What AutoPay runs did, by outcome").tag("outcome", outcome).register(registry)));
        Gauge.builder("portal.autopay.run.overdue", this, AutoPayMetrics::overdue)
                .description("1 when today's AutoPay run is more than 30 minutes late, else 0").register(registry);
        Gauge.builder("portal.autopay.run.last.business.date", this, AutoPayMetrics::lastBusinessDate)
                .description("The business date (epoch day) the AutoPay run last completed for; 0 if never")
                .register(registry);
    }

    /** A run that finished for {@code date}: its time, its outcomes, and its completion for every node to read. */
    void completed(LocalDate date, AutoPayRunReport report) {
        runs.record(Duration.ofMillis(report.millis()));
        counts.forEach((outcome, count) -> outcomes.get(outcome).increment(count.applyAsInt(report)));
        completions.completed(JOB, date, clock.instant(), Duration.ofMillis(report.millis()));
    }

    double overdue() {
        AutoPaySettings rules = settings.autopay();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        if (!rules.enabled() || now.isBefore(today.atTime(rules.runTime()).plus(GRACE))) {
            return 0;
        }
        return completions.last(JOB).filter(last -> !last.businessDate().isBefore(today)).isPresent() ? 0 : 1;
    }

    double lastBusinessDate() {
        return completions.last(JOB).map(last -> (double) last.businessDate().toEpochDay()).orElse(0.0);
    }
}
