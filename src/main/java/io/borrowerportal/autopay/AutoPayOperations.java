package io.borrowerportal.autopay;

import io.borrowerportal.settings.SettingsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The AutoPay run and its reminders, for the daily job and for operations catching up after an outage
 * ({@link AutoPayCatchUpCommand}). Runs outside any transaction: each page of AutoPays is one of its own.
 * Safe to run again for the same date, and safe (though pointless) to run twice at once.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class AutoPayOperations {

    private final AutoPayRunner runner;
    private final SettingsService settings;
    private final Clock clock;
    private final AutoPayMetrics metrics;

    AutoPayOperations(AutoPayRunner runner, SettingsService settings, Clock clock, AutoPayMetrics metrics) {
        this.runner = runner;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Pays every active AutoPay due on or before {@code date} (today, or an earlier day being caught up): a
     * caught-up payment counts on the loan on its own date, and its money moves now.
     *
     * @throws IllegalArgumentException for a date after today: AutoPay never pays early
     * @throws IllegalStateException while the lender has AutoPay switched off
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AutoPayRunReport run(LocalDate date) {
        if (!settings.autopay().enabled()) {
            throw new IllegalStateException("AutoPay is switched off in the lender's settings, so it does not run");
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("AutoPay cannot run for " + date + ": it is after today (" + today
                    + "), and AutoPay never pays early");
        }
        AutoPayRunReport report = runner.run(date);
        metrics.completed(date, report);
        return report;
    }

    /** Sends the reminders of payments in the next {@value AutoPayRunner#REMINDER_DAYS} days not yet reminded of. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int sendReminders() {
        return runner.sendReminders(LocalDate.now(clock));
    }
}
