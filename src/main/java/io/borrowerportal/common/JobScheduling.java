package io.borrowerportal.common;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * Scheduled jobs ({@code @Scheduled}), each run on one node at a time ({@code @SchedulerLock}), locked
 * through the {@code shedlock} table. {@code portal.jobs.enabled=false} switches all of them off: the
 * test suite does, and calls the jobs' work directly.
 * <p>
 * Lock times come from the database clock ({@code usingDbTime()}), so nodes with skewed clocks still
 * agree; ShedLock has statements for both MariaDB ({@code UTC_TIMESTAMP(3)}) and H2
 * ({@code CURRENT_TIMESTAMP(3)}), and {@code JobSchedulingTest} exercises them on the test database.
 * A job that runs longer than its {@code lockAtMostFor} (default 10 minutes) may start on a second node,
 * so jobs must stay safe to run twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "portal.jobs.enabled", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobScheduling {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return JobLocks.provider(dataSource);
    }
}
