package io.borrowerportal.insurance;

import io.borrowerportal.security.SystemTask;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalTime;

/**
 * The daily insurance alert emails, in the morning in the lender's time zone, under a ShedLock database lock so
 * one node runs them. Running again the same day (a restart, a second node after the lock expired) sends
 * nothing new: each event is recorded once (see {@link InsuranceAlertEmails}).
 */
@Component
@ConditionalOnProperty(name = "portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class InsuranceAlertJobs {

    private static final Logger log = LoggerFactory.getLogger(InsuranceAlertJobs.class);

    /** The hour of the lender's morning the alerts go out, at twenty past. */
    static final int ALERT_HOUR = 7;

    private final InsuranceAlertEmails emails;
    private final Clock clock;

    InsuranceAlertJobs(InsuranceAlertEmails emails, Clock clock) {
        this.emails = emails;
        this.clock = clock;
    }

    /**
     * Every hour at twenty past, and the work only in the lender's 7 o'clock hour: the lender's time zone is a setting
     * that can change while the portal runs (decision 024), which a cron's fixed zone would not follow.
     */
    @Scheduled(cron = "0 20 * * * *")
    @SchedulerLock(name = "insurance-alerts", lockAtMostFor = "PT30M")
    void emailAlertsInTheMorning() {
        if (LocalTime.now(clock).getHour() == ALERT_HOUR) {
            emailAlerts();
        }
    }

    void emailAlerts() {
        int emailed = SystemTask.call(emails::sendDue);
        if (emailed > 0) {
            log.info("Emailed {} insurance alert(s)", emailed);
        }
    }
}
