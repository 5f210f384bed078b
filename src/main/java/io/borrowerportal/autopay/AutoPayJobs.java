package io.borrowerportal.autopay;

import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.SettingsService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The daily AutoPay run at the lender's run time, in the lender's time zone, under a ShedLock database lock
 * so one node runs it. It is looked at every minute from the run time on: the first look pays the day's
 * AutoPays, later ones find nothing due (or what a customer scheduled for today since) and cost one indexed
 * query. A lender that switches AutoPay off stops the runs too.
 */
@Component
@ConditionalOnProperty(name = "portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class AutoPayJobs {

    /** The lock the job and the catch-up command share. */
    static final String LOCK = "autopay-run";
    private static final Logger log = LoggerFactory.getLogger(AutoPayJobs.class);

    private final AutoPayOperations operations;
    private final SettingsService settings;
    private final Clock clock;

    AutoPayJobs(AutoPayOperations operations, SettingsService settings, Clock clock) {
        this.operations = operations;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "15 * * * * *")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT55M")
    void runAtRunTime() {
        AutoPaySettings rules = settings.autopay();
        LocalDateTime now = LocalDateTime.now(clock);
        if (!rules.enabled() || now.toLocalTime().isBefore(rules.runTime())) {
            return;
        }
        SystemTask.run(() -> {
            AutoPayRunReport report = operations.run(now.toLocalDate());
            if (report.didAnything()) {
                log.info("{}", report);
            }
            int reminded = operations.sendReminders();
            if (reminded > 0) {
                log.info("Sent {} AutoPay reminders", reminded);
            }
        });
    }
}
