package io.borrowerportal.autopay;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.TestClock;
import io.borrowerportal.common.JobCompletions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure the "AutoPay run missed" alert watches (decision 038), read from {@code job_completions}: late once the
 * run time and its grace are past with no run for today, and never before. The demo lender runs AutoPay at 06:00;
 * each step sets the test clock to the time of day it names.
 */
class AutoPayMetricsTest extends ServiceTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 9);

    @Autowired
    AutoPayMetrics metrics;
    @Autowired
    JobCompletions completions;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void putBack() {
        clock.reset();
        jdbc.update("DELETE FROM job_completions WHERE job = ?", AutoPayMetrics.JOB);
    }

    private static AutoPayRunReport ran(LocalDate date) {
        return new AutoPayRunReport(date, 3, 2, 1, 0, 0, 0, 0, 0, 0, 1_250);
    }

    @Test
    void a_day_without_a_completed_run_is_overdue_only_after_the_run_time_and_its_grace() {
        at(LocalTime.of(9, 0));
        assertThat(metrics.overdue()).isEqualTo(1.0);

        at(LocalTime.of(5, 59));                                // before the run time
        assertThat(metrics.overdue()).isZero();
        at(LocalTime.of(6, 29));                                // within the grace
        assertThat(metrics.overdue()).isZero();
        at(LocalTime.of(6, 31));
        assertThat(metrics.overdue()).isEqualTo(1.0);

        metrics.completed(DAY, ran(DAY));
        assertThat(metrics.overdue()).isZero();
        assertThat(metrics.lastBusinessDate()).isEqualTo(DAY.toEpochDay());

        clock.advance(Duration.ofDays(1));                      // the next day, 06:31: that day's run is missing
        assertThat(metrics.overdue()).isEqualTo(1.0);
    }

    /**
     * The test clock at this time of {@link #DAY}, lender time. Not {@code moveTo} plus a difference: the shared clock
     * runs on from 09:00 since the test context started, so its hour depends on how long the suite took to get here.
     */
    private void at(LocalTime time) {
        clock.advance(Duration.between(LocalDateTime.now(clock), DAY.atTime(time)));
    }

    @Test
    void a_catch_up_of_an_earlier_day_never_hides_the_last_run() {
        completions.completed(AutoPayMetrics.JOB, DAY, clock.instant(), Duration.ofSeconds(2));
        completions.completed(AutoPayMetrics.JOB, DAY.minusDays(3), clock.instant(), Duration.ofSeconds(1));

        JobCompletions.Completion last = completions.last(AutoPayMetrics.JOB).orElseThrow();
        assertThat(last.businessDate()).isEqualTo(DAY);
        assertThat(last.took()).isEqualTo(Duration.ofSeconds(2));

        completions.completed(AutoPayMetrics.JOB, DAY.plusDays(1), clock.instant(), Duration.ofSeconds(3));
        assertThat(completions.last(AutoPayMetrics.JOB).orElseThrow().businessDate()).isEqualTo(DAY.plusDays(1));
    }
}
