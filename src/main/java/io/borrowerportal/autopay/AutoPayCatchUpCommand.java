package io.borrowerportal.autopay;

import io.borrowerportal.common.JobLocks;
import io.borrowerportal.security.SystemTask;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The operations command that runs AutoPay for a given date, to catch up after an outage, then exits:
 * <pre>java -jar borrower-portal.jar --portal.autopay.run-date=2026-12-28 --server.port=0 --portal.jobs.enabled=false</pre>
 * (the portal's security needs its servlet context, so it starts one on a free port; it schedules no jobs of its
 * own). It takes the daily job's lock, so it never runs alongside the job on another node; exit code 0 when the
 * run finished without errors, 1 when some AutoPays failed (they are retried by the next run), 2 when the date
 * is not valid, another node holds the lock, or the lender has AutoPay switched off.
 */
@Component
@ConditionalOnProperty(name = "portal.autopay.run-date")
class AutoPayCatchUpCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AutoPayCatchUpCommand.class);

    private final AutoPayOperations operations;
    private final DataSource dataSource;
    private final ConfigurableApplicationContext context;
    private final Clock clock;
    private final String runDate;

    AutoPayCatchUpCommand(AutoPayOperations operations, DataSource dataSource, ConfigurableApplicationContext context,
                          Clock clock, @Value("${portal.autopay.run-date}") String runDate) {
        this.operations = operations;
        this.dataSource = dataSource;
        this.context = context;
        this.clock = clock;
        this.runDate = runDate;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = runOnce();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int runOnce() {
        LocalDate date;
        try {
            date = LocalDate.parse(runDate.trim());
        } catch (DateTimeParseException e) {
            log.error("portal.autopay.run-date must be a date like 2026-12-28, not '{}'", runDate);
            return 2;
        }
        if (date.isAfter(LocalDate.now(clock))) {
            log.error("AutoPay cannot run for {}: it is after today ({}), and AutoPay never pays early", date,
                    LocalDate.now(clock));
            return 2;
        }
        Optional<SimpleLock> lock = JobLocks.tryLock(dataSource, AutoPayJobs.LOCK, Duration.ofHours(1), clock);
        if (lock.isEmpty()) {
            log.error("The AutoPay run is in progress on another node; try again when it has finished");
            return 2;
        }
        try {
            AutoPayRunReport report = SystemTask.call(() -> operations.run(date));
            log.info("{}", report);
            return report.errors() == 0 ? 0 : 1;
        } catch (IllegalStateException | IllegalArgumentException refused) {
            log.error("{}", refused.getMessage());
            return 2;
        } finally {
            lock.get().unlock();
        }
    }
}
