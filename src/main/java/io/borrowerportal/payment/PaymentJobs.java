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

    private final AchExport export;
    private final AchDelivery delivery;
    private final PaymentProcessing processing;
    private final SettingsService settings;
    private final Clock clock;

    PaymentJobs(AchExport export, AchDelivery delivery, PaymentProcessing processing, SettingsService settings,
                Clock clock) {
        this.export = export;
        this.delivery = delivery;
        this.processing = processing;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * From the cut-off on, every minute of a business day: whatever bank debit is due by today and not yet
     * sent goes into a file (usually one file a day; a staff export earlier in the day does not stop it).
     * Payments made after the cut-off are due the next business day, so they wait for tomorrow's file. Before
     * the cut-off, a file an earlier run could not deliver (a staff export whose rename failed) is delivered.
     */
    @Scheduled(cron = "0 * * * * *")
    @SchedulerLock(name = "ach-export", lockAtMostFor = "PT10M")
    void exportAtCutoff() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (!BusinessCalendar.isBusinessDay(now.toLocalDate()) || now.toLocalTime().isBefore(settings.current().cutoffTime())) {
            delivery.deliverUndelivered();
            return;
        }
        SystemTask.run(() -> export.exportPending().ifPresent(file ->
                log.info("ACH file {} written: {} debits, total {}, {}", file.fileName(), file.entryCount(),
                        file.totalDebit(), file.state())));
    }

    /** Delivered files past {@code portal.ach.retention} are deleted from the outbox (they hold account numbers). */
    @Scheduled(cron = "0 45 3 * * *")
    @SchedulerLock(name = "ach-retention", lockAtMostFor = "PT30M")
    void purgeDeliveredFiles() {
        delivery.purgeDelivered();
    }

    @Scheduled(cron = "0 */5 * * * *")
    @SchedulerLock(name = "scheduled-payments", lockAtMostFor = "PT30M")
    void processScheduled() {
        int count = SystemTask.call(processing::processScheduled);
        if (count > 0) {
            log.info("Processed {} scheduled payments", count);
        }
    }

    @Scheduled(cron = "30 */2 * * * *")
    @SchedulerLock(name = "card-reconcile", lockAtMostFor = "PT10M")
    void reconcile() {
        SystemTask.call(processing::reconcileProcessing);
    }

    @Scheduled(cron = "0 15 * * * *")
    @SchedulerLock(name = "ach-settlement", lockAtMostFor = "PT30M")
    void settle() {
        int count = SystemTask.call(processing::settleDue);
        if (count > 0) {
            log.info("Settled {} bank payments", count);
        }
    }
}
