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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figure the "AutoPay run missed" alert watches (decision 038), read from {@code job_completions}: late once the
 * run time and its grace are past with no run for today, and never before. The demo lender runs AutoPay at 06:00;
 * the test clock stands at 09:00.
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
        clock.moveTo(DAY);
        assertThat(metrics.overdue()).isEqualTo(1.0);

        clock.advance(Duration.ofHours(-3).minusMinutes(1));   // 05:59, before the run time
        assertThat(metrics.overdue()).isZero();
        clock.advance(Duration.ofMinutes(30));                  // 06:29, within the grace
        assertThat(metrics.overdue()).isZero();
        clock.advance(Duration.ofMinutes(2));                   // 06:31
        assertThat(metrics.overdue()).isEqualTo(1.0);

        metrics.completed(DAY, ran(DAY));
        assertThat(metrics.overdue()).isZero();
        assertThat(metrics.lastBusinessDate()).isEqualTo(DAY.toEpochDay());

        clock.advance(Duration.ofDays(1));                      // the next day, 06:31: that day's run is missing
        assertThat(metrics.overdue()).isEqualTo(1.0);
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
