package io.borrowerportal.outbox;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.TestClock;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox itself: written only inside a change, never with a secret, read back in commit order. */
class OutboxTest extends ServiceTest {

    @Autowired
    Outbox outbox;
    @Autowired
    EventFeed feed;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    TestClock clock;

    record Sample(String loanNumber, BigDecimal amount, String methodLastFour) {
    }

    private static String unique() {
        return "T-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private UUID recordCommitted(String aggregate, Object payload) {
        return new TransactionTemplate(transactions).execute(s -> outbox.record(EventType.PAYMENT_CREATED, aggregate, payload));
    }

    @Test
    void an_event_is_written_with_its_type_aggregate_time_and_json_payload_in_the_callers_transaction() {
        String aggregate = unique();
        java.time.Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = recordCommitted(aggregate, new Sample("PT-1", new BigDecimal("50.00"), "4242"));
        java.time.Instant after = clock.instant();

        List<OutboxRows.Row> rows = OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, aggregate);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.eventId()).isEqualTo(id.toString());
            assertThat(row.type()).isEqualTo(EventType.PAYMENT_CREATED);
            assertThat(row.occurredAt().toInstant(ZoneOffset.UTC)).as("the injected clock's time").isBetween(before, after);
            assertThat(row.payload().get("loanNumber").asString()).isEqualTo("PT-1");
            assertThat(row.payload().get("amount").decimalValue()).isEqualByComparingTo("50.00");
            assertThat(row.payload().get("methodLastFour").asString()).isEqualTo("4242");
        });
    }

    @Test
    void without_a_transaction_nothing_is_written() {
        String aggregate = unique();
        assertThatThrownBy(() -> outbox.record(EventType.PAYMENT_CREATED, aggregate, Map.of("a", "b")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, aggregate)).isEmpty();
    }

    @Test
    void a_change_rolled_back_leaves_no_event() {
        String aggregate = unique();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            outbox.record(EventType.PAYMENT_CREATED, aggregate, Map.of("a", "b"));
            status.setRollbackOnly();
        });
        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, aggregate)).isEmpty();
    }

    @Test
    void a_payload_with_a_field_named_like_a_secret_or_a_card_length_number_value_is_refused_with_its_change() {
        record Cvv(String cvv) {
        }
        record Login(String password) {
        }
        record Bank(String accountNumber) {
        }
        record Webhook(String secret) {
        }
        record Pan(long reference) {
        }
        for (Object secret : List.of(new Cvv("123"), new Login("x"), new Bank("6789"), new Webhook("whsec_x"),
                new Pan(4242424242424242L), Map.of("items", List.of(Map.of("cardNumber", "4242"))))) {
            String aggregate = unique();
            assertThatThrownBy(() -> recordCommitted(aggregate, secret))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refused")
                    .hasMessageNotContaining("4242424242424242").hasMessageNotContaining("whsec_x");
            assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, aggregate)).as(secret.toString()).isEmpty();
        }
        // Last four, a loan number, a phone and an amount are fine, and kept as they are.
        String aggregate = unique();
        recordCommitted(aggregate, Map.of("lastFour", "4242", "loanNumber", "PT-1234567890", "phone", "(212) 555-0147",
                "amount", new BigDecimal("1234567.89")));
        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, aggregate)).singleElement().satisfies(row -> {
            assertThat(row.payload().get("loanNumber").asString()).isEqualTo("PT-1234567890");
            assertThat(row.payload().get("phone").asString()).isEqualTo("(212) 555-0147");
        });
    }

    @Test
    void a_card_length_run_of_digits_in_a_text_is_kept_as_its_last_four_and_the_change_goes_through() {
        record Note(String text) {
        }
        record Card(String lastFour, String number) {
        }
        record Contact(String email, List<String> lines) {
        }
        String note = unique();
        recordCommitted(note, new Note("paid with 4242 4242 4242 4242, thanks"));
        String card = unique();
        recordCommitted(card, new Card("4242", "4000-0000-0000-0002"));
        String contact = unique();
        recordCommitted(contact, new Contact("4111111111111111@example.com", List.of("Apt 4", "ref 5555.5555.5555.4444")));

        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, note).getFirst().payload().get("text").asString())
                .isEqualTo("paid with ••••4242, thanks");
        assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, card).getFirst().payload().get("number").asString())
                .isEqualTo("••••0002");
        OutboxRows.Row row = OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, contact).getFirst();
        assertThat(row.payload().get("email").asString()).isEqualTo("••••1111@example.com");
        assertThat(row.payload().get("lines").get(0).asString()).isEqualTo("Apt 4");
        assertThat(row.payload().get("lines").get(1).asString()).isEqualTo("ref ••••4444");
        for (String aggregate : List.of(note, card, contact)) {
            assertThat(OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, aggregate).getFirst().text())
                    .doesNotContainPattern("\\d(?:[\\s./_-]?\\d){12,}");
        }
    }

    @Test
    void the_feed_serves_events_after_a_cursor_in_order_with_the_next_cursor() {
        long start = SystemTask.call(feed::latestCursor);
        String first = unique();
        String second = unique();
        UUID a = recordCommitted(first, Map.of("n", 1));
        UUID b = recordCommitted(second, Map.of("n", 2));

        EventPage page = SystemTask.call(() -> feed.after(start, 1000));
        List<OutboundEvent> ours = page.events().stream()
                .filter(e -> e.aggregateId().equals(first) || e.aggregateId().equals(second)).toList();
        assertThat(ours).extracting(OutboundEvent::eventId).containsExactly(a, b);
        assertThat(ours.get(0).sequence()).isLessThan(ours.get(1).sequence());
        assertThat(ours.get(0).payload()).isEqualTo("{\"n\":1}");
        assertThat(page.nextCursor()).isEqualTo(page.events().getLast().sequence());

        EventPage one = SystemTask.call(() -> feed.after(start, 0));
        assertThat(one.events()).as("a limit below 1 is 1").hasSize(1);
        EventPage again = SystemTask.call(() -> feed.after(start, 1));
        assertThat(again.events()).as("at least once: the same cursor gives the same event")
                .extracting(OutboundEvent::eventId).containsExactlyElementsOf(one.events().stream().map(OutboundEvent::eventId).toList());
        EventPage end = SystemTask.call(() -> feed.after(page.nextCursor() + 1_000_000, 10));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextCursor()).isEqualTo(page.nextCursor() + 1_000_000);
        assertThatThrownBy(() -> SystemTask.call(() -> feed.after(-1, 10))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The gap: A takes its row first but commits after B. A reader that took B meanwhile must still get A, after
     * B: numbered by id, A would sit below the reader's cursor and be skipped forever.
     */
    @Test
    void an_event_committed_after_a_later_one_is_not_skipped_by_a_reader_that_passed_it() throws Exception {
        String early = unique();
        String late = unique();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long start = SystemTask.call(feed::latestCursor);
            Future<UUID> slow = pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
                UUID id = outbox.record(EventType.PAYMENT_CREATED, early, Map.of("n", "early"));
                inserted.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return id;
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            UUID b = recordCommitted(late, Map.of("n", "late"));

            EventPage first = SystemTask.call(() -> feed.after(start, 1000));
            assertThat(first.events()).extracting(OutboundEvent::eventId).contains(b);
            assertThat(first.events()).extracting(OutboundEvent::aggregateId).doesNotContain(early);

            release.countDown();
            UUID a = slow.get(30, TimeUnit.SECONDS);
            EventPage next = SystemTask.call(() -> feed.after(first.nextCursor(), 1000));
            assertThat(next.events()).extracting(OutboundEvent::eventId).contains(a);
            List<OutboxRows.Row> earlyRow = OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, early);
            List<OutboxRows.Row> lateRow = OutboxRows.about(jdbc, EventType.Aggregate.PAYMENT, late);
            assertThat(earlyRow.getFirst().id()).as("A took its row first").isLessThan(lateRow.getFirst().id());
            assertThat(earlyRow.getFirst().sequence()).as("but is numbered after B").isGreaterThan(lateRow.getFirst().sequence());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void customers_cannot_read_the_feed() {
        assertThatThrownBy(() -> feed.after(0, 10)).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        io.borrowerportal.SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> feed.after(0, 10)).isInstanceOf(AccessDeniedException.class);
    }
}
