package io.borrowerportal.common;

import io.borrowerportal.ServiceTest;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job lock on the test database (MariaDB or H2), built by the same factory as production. The shared
 * test context runs without jobs, so the scheduling switch is checked in small throw-away contexts of
 * just this configuration ({@link ApplicationContextRunner}), not in a second Spring test context.
 */
class JobSchedulingTest extends ServiceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void a_held_lock_is_refused_until_it_is_released() {
        LockProvider locks = JobLocks.provider(dataSource);
        String name = "test-" + UUID.randomUUID();
        LockConfiguration job = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);

        Optional<SimpleLock> first = locks.lock(job);
        assertThat(first).isPresent();
        assertThat(locks.lock(job)).as("a second node while the first holds the lock").isEmpty();

        first.get().unlock();
        Optional<SimpleLock> again = locks.lock(job);
        assertThat(again).as("after release").isPresent();
        assertThat(locks.lock(job)).isEmpty();
        again.get().unlock();
    }

    @Test
    void with_jobs_enabled_a_scheduled_job_runs_under_its_lock() {
        new ApplicationContextRunner()
                .withUserConfiguration(JobScheduling.class)
                .withBean(DataSource.class, this::sharedDataSource)
                .withBean(LockedJob.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(LockProvider.class);
                    LockedJob job = context.getBean(LockedJob.class);
                    assertThat(job.ranWithin(Duration.ofSeconds(10))).isTrue();
                    assertThat(job.wasLocked()).as("LockAssert inside the job").isTrue();
                });
    }

    @Test
    void with_jobs_disabled_nothing_is_scheduled() {
        new ApplicationContextRunner()
                .withPropertyValues("portal.jobs.enabled=false")
                .withUserConfiguration(JobScheduling.class)
                .withBean(DataSource.class, this::sharedDataSource)
                .run(context -> assertThat(context).doesNotHaveBean(LockProvider.class));
    }

    /** The shared context's pool, behind a wrapper: a closing throw-away context would otherwise close it. */
    private DataSource sharedDataSource() {
        return new DelegatingDataSource(dataSource);
    }

    /** Runs once; ShedLock's proxy wraps it, so its state is read through methods, not fields. */
    static class LockedJob {
        private final CountDownLatch ran = new CountDownLatch(1);
        private volatile boolean wasLocked;

        public boolean ranWithin(Duration time) throws InterruptedException {
            return ran.await(time.toMillis(), TimeUnit.MILLISECONDS);
        }

        public boolean wasLocked() {
            return wasLocked;
        }

        @Scheduled(initialDelay = 10, fixedDelay = 60_000)
        @SchedulerLock(name = "job-scheduling-test", lockAtMostFor = "PT1M")
        public void run() {
            try {
                LockAssert.assertLocked();
                wasLocked = true;
            } catch (IllegalStateException e) {
                wasLocked = false;
            }
            ran.countDown();
        }
    }
}
