package io.borrowerportal.common;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The ShedLock locks of the scheduled jobs, in the {@code shedlock} table with the database's clock. The jobs
 * take them through {@code @SchedulerLock}; an operations command running a job by hand takes the same lock
 * here, so it never runs alongside the scheduled job on another node.
 */
public final class JobLocks {

    private JobLocks() {
    }

    public static LockProvider provider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }

    /** Takes the named job's lock for at most {@code atMost}; empty when another node holds it. */
    public static Optional<SimpleLock> tryLock(DataSource dataSource, String name, Duration atMost, Clock clock) {
        return provider(dataSource).lock(new LockConfiguration(clock.instant(), name, atMost, Duration.ZERO));
    }
}
