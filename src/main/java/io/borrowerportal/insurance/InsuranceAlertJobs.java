package io.borrowerportal.insurance;

import io.borrowerportal.security.SystemTask;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily insurance alert emails, in the morning in the lender's time zone, under a ShedLock database lock so
 * one node runs them. Running again the same day (a restart, a second node after the lock expired) sends
 * nothing new: each event is recorded once (see {@link InsuranceAlertEmails}).
 */
@Component
@ConditionalOnProperty(name = "portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class InsuranceAlertJobs {

    private static final Logger log = LoggerFactory.getLogger(InsuranceAlertJobs.class);

    private final InsuranceAlertEmails emails;

    InsuranceAlertJobs(InsuranceAlertEmails emails) {
        this.emails = emails;
    }

    @Scheduled(cron = "0 20 7 * * *", zone = "${portal.time-zone:America/New_York}")
    @SchedulerLock(name = "insurance-alerts", lockAtMostFor = "PT30M")
    void emailAlerts() {
        int emailed = SystemTask.call(emails::sendDue);
        if (emailed > 0) {
            log.info("Emailed {} insurance alert(s)", emailed);
        }
    }
}
