package io.borrowerportal.servicing;

import io.borrowerportal.security.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The nightly reconciliation at {@code portal.reconciliation.time} in the lender's time zone (the business
 * clock's). Looked at every five minutes from that time on: the first look runs it, later ones find the business
 * date's nightly run recorded and cost one query. The ShedLock lock is taken by {@link Reconciliation} itself,
 * not by {@code @SchedulerLock} here, because a staff member's "Run now" takes the same lock: one run at a time
 * across nodes, whoever started it.
 */
@Component
@ConditionalOnProperty(name = "portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ReconciliationJobs {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJobs.class);

    private final Reconciliation reconciliation;
    private final LocalTime runTime;
    private final Clock clock;

    ReconciliationJobs(Reconciliation reconciliation,
                       @Value("${portal.reconciliation.time:02:30}") LocalTime runTime, Clock clock) {
        this.reconciliation = reconciliation;
        this.runTime = runTime;
        this.clock = clock;
    }

    @Scheduled(cron = "45 */5 * * * *")
    void runNightly() {
        runIfDue().ifPresent(run -> log.info("Reconciliation run {}: {} loans compared, {} differ, {} cleared",
                run.id(), run.compared(), run.differing(), run.cleared()));
    }

    /** Runs the business date's nightly reconciliation once its time has come; empty when not due or already run. */
    Optional<ReconciliationRunSummary> runIfDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.toLocalTime().isBefore(runTime)) {
            return Optional.empty();
        }
        return SystemTask.call(() -> reconciliation.runNightly(now.toLocalDate()));
    }
}
