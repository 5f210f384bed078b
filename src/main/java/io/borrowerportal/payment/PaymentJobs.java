package io.borrowerportal.payment;

import io.borrowerportal.common.BusinessCalendar;
import io.borrowerportal.security.SystemTask;
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
 * The payment jobs. Each takes a ShedLock database lock, so with several nodes each run happens once.
 */
@Component
@ConditionalOnProperty(name = "portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final AchOperations operations;
    private final SettingsService settings;
    private final Clock clock;

    PaymentJobs(AchOperations operations, SettingsService settings, Clock clock) {
        this.operations = operations;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * From the cut-off on, every minute of a business day: whatever bank debit is due by today and not yet
     * sent goes into a file (usually one file a day; a staff export earlier in the day does not stop it).
     * Payments made after the cut-off are due the next business day, so they wait for tomorrow's file.
     */
    @Scheduled(cron = "0 * * * * *")
    @SchedulerLock(name = "ach-export", lockAtMostFor = "PT10M")
    void exportAtCutoff() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (!BusinessCalendar.isBusinessDay(now.toLocalDate()) || now.toLocalTime().isBefore(settings.current().cutoffTime())) {
            return;
        }
        SystemTask.run(() -> operations.exportPending().ifPresent(file ->
                log.info("ACH file {} written: {} debits, total {}", file.fileName(), file.entryCount(), file.totalDebit())));
    }

    @Scheduled(cron = "0 */5 * * * *")
    @SchedulerLock(name = "scheduled-payments", lockAtMostFor = "PT30M")
    void processScheduled() {
        int count = SystemTask.call(operations::processScheduled);
        if (count > 0) {
            log.info("Processed {} scheduled payments", count);
        }
    }

    @Scheduled(cron = "30 */2 * * * *")
    @SchedulerLock(name = "card-reconcile", lockAtMostFor = "PT10M")
    void reconcile() {
        SystemTask.call(operations::reconcileProcessing);
    }

    @Scheduled(cron = "0 15 * * * *")
    @SchedulerLock(name = "ach-settlement", lockAtMostFor = "PT30M")
    void settle() {
        int count = SystemTask.call(operations::settleDue);
        if (count > 0) {
            log.info("Settled {} bank payments", count);
        }
    }
}
