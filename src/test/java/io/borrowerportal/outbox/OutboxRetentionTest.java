package io.borrowerportal.outbox;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox's retention (decision 035): events past it go, in batches, except what an active webhook endpoint
 * has not taken yet or may still retry; a feed reader whose cursor points at a deleted event goes on with the
 * next remaining one.
 */
class OutboxRetentionTest extends ServiceTest {

    @Autowired
    OutboxRetention retention;
    @Autowired
    Outbox outbox;
    @Autowired
    EventFeed feed;
    @Autowired
    Webhooks webhooks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;

    private final List<Long> endpoints = new ArrayList<>();

    @AfterEach
    void deactivateEndpoints() {
        for (long id : endpoints) {
            jdbc.update("update webhook_endpoints set active = false where id = ?", id);
        }
    }

    /** Records an event and returns its sequence number. */
    private long event(String aggregate) {
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                outbox.record(EventType.PAYMENT_CREATED, aggregate, Map.of("loanNumber", "PT-1")));
        SystemTask.call(feed::latestCursor);
        return jdbc.queryForObject("select sequence_no from outbox_events where aggregate_id = ?", Long.class, aggregate);
    }

    private void backdate(long sequence, Duration age) {
        jdbc.update("update outbox_events set occurred_at = ? where sequence_no = ?",
                LocalDateTime.ofInstant(clock.instant().minus(age), ZoneOffset.UTC), sequence);
    }

    private boolean kept(long sequence) {
        return jdbc.queryForObject("select count(*) from outbox_events where sequence_no = ?", Integer.class, sequence) == 1;
    }

    private long endpointAt(long cursor) {
        SignIn.as(users, "admin@example.com");
        long id = webhooks.add("http://127.0.0.1:9/retention/" + UUID.randomUUID(), "Retention test").endpoint().id();
        endpoints.add(id);
        jdbc.update("update webhook_endpoints set last_sequence = ? where id = ?", cursor, id);
        return id;
    }

    private static String unique() {
        return "R-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void old_events_go_except_those_an_active_endpoint_has_not_taken_or_may_retry_and_the_feed_goes_on_after_them() {
        Duration old = Duration.ofDays(91);
        long deadLettered = event(unique());
        long taken = event(unique());
        long notTaken = event(unique());
        long young = event(unique());
        backdate(deadLettered, old);
        backdate(taken, old);
        backdate(notTaken, old);
        backdate(young, Duration.ofDays(89));
        long endpoint = endpointAt(taken);
        jdbc.update("insert into webhook_dead_letters (endpoint_id, sequence_no, attempts, last_error) values (?, ?, 8, 'HTTP 500')",
                endpoint, deadLettered);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(kept(taken)).as("older than the retention and taken by every endpoint").isFalse();
        assertThat(kept(deadLettered)).as("an open dead letter an admin may retry").isTrue();
        assertThat(kept(notTaken)).as("the endpoint has not taken it yet").isTrue();
        assertThat(kept(young)).as("within the retention").isTrue();
        assertThat(webhooks.deadLetters()).as("the dead letter is still listed")
                .anyMatch(letter -> letter.sequence() == deadLettered);

        // A reader whose cursor is the deleted event, or the one before it, goes on with the next remaining one.
        assertThat(SystemTask.call(() -> feed.after(taken, 1)).events()).singleElement()
                .satisfies(e -> assertThat(e.sequence()).isEqualTo(notTaken));
        assertThat(SystemTask.call(() -> feed.after(deadLettered, 1)).events()).singleElement()
                .satisfies(e -> assertThat(e.sequence()).isEqualTo(notTaken));

        // Once the endpoint took the rest and the letter was retried, they go too; the young one stays.
        jdbc.update("update webhook_endpoints set last_sequence = ? where id = ?", young, endpoint);
        jdbc.update("update webhook_dead_letters set resolved_at = current_timestamp(3) where endpoint_id = ?", endpoint);
        retention.purge();
        assertThat(kept(deadLettered)).isFalse();
        assertThat(kept(notTaken)).isFalse();
        assertThat(kept(young)).isTrue();
        assertThat(SystemTask.call(() -> feed.after(deadLettered, 1)).events()).singleElement()
                .satisfies(e -> assertThat(e.sequence()).isEqualTo(young));
        assertThat(event(unique())).as("sequence numbers are never given again").isGreaterThan(young);
    }

    @Test
    void an_inactive_endpoint_holds_nothing_back_and_many_events_go_in_several_batches() {
        long stalled = event(unique());
        long endpoint = endpointAt(stalled - 1);
        jdbc.update("update webhook_endpoints set active = false where id = ?", endpoint);
        int many = OutboxRetention.BATCH * 2 + 1;
        String prefix = unique();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < many; i++) {
                outbox.record(EventType.PAYMENT_CREATED, prefix + "-" + i, Map.of("loanNumber", "PT-1"));
            }
        });
        SystemTask.call(feed::latestCursor);
        backdate(stalled, Duration.ofDays(100));
        jdbc.update("update outbox_events set occurred_at = ? where aggregate_id like ?",
                LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(100)), ZoneOffset.UTC), prefix + "-%");

        assertThat(retention.purge()).isGreaterThanOrEqualTo(many + 1);

        assertThat(kept(stalled)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from outbox_events where aggregate_id like ?", Integer.class,
                prefix + "-%")).isZero();
    }

    @Test
    void a_retention_under_a_day_is_refused_at_start_up() {
        assertThatThrownBy(() -> new OutboxRetention(null, clock, Duration.ofHours(23)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("portal.outbox.retention");
    }
}
