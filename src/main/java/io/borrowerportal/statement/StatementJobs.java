package io.borrowerportal.statement;

import io.borrowerportal.security.SystemTask;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly statements, looked for every hour under a ShedLock database lock so one node writes them: the first
 * look after a month ends writes its statements, every later one finds the month recorded as run and costs one
 * query. A run that stopped halfway (a crash, a deploy) is continued by the next look.
 */
@Component
@ConditionalOnProperty(name = "portal.jobs.enabled", havingValue = "true", matchIfMissing = true)
class StatementJobs {

    private static final Logger log = LoggerFactory.getLogger(StatementJobs.class);

    private final Statements statements;

    StatementJobs(Statements statements) {
        this.statements = statements;
    }

    @Scheduled(cron = "0 20 * * * *")
    @SchedulerLock(name = "monthly-statements", lockAtMostFor = "PT2H")
    void writeAfterEachMonth() {
        SystemTask.call(statements::catchUp).forEach(report -> log.info("{}", report));
    }
}
