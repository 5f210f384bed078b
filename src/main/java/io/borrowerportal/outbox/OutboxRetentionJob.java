package io.borrowerportal.outbox;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily at 04:15, one node deletes the outbound events past their retention (decision 035). */
@Component
@ConditionalOnBooleanProperty(name = "portal.jobs.enabled", matchIfMissing = true)
class OutboxRetentionJob {

    private final OutboxRetention retention;

    OutboxRetentionJob(OutboxRetention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "0 15 4 * * *")
    @SchedulerLock(name = "outbox-retention", lockAtMostFor = "PT30M")
    public void purge() {
        retention.purge();
    }
}
