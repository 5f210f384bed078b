package io.borrowerportal.outbox;

import com.sun.net.httpserver.HttpServer;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks against a real HTTP server on this machine (the JDK's): each delivery signed, a 500 or a timeout
 * retried after its backoff, the last failure dead-lettered and retried by an admin (decision 029).
 */
class WebhookDeliveryTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookDelivery delivery;
    @Autowired
    Outbox outbox;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WebhookSecrets secrets;
    @Autowired
    EventFeed feed;

    private HttpServer server;
    /** What the server answers next: a status, or -1 to answer too late; 200 once the queue is empty. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<ReceivedWebhook> received = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> endpoints = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(ReceivedWebhook.of(exchange));
            Integer answer = answers.poll();
            int status = answer == null ? 200 : answer;
            if (status == -1) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
        SignIn.as(users, "admin@example.com");
    }

    @AfterEach
    void stopReceiver() {
        SignIn.as(users, "admin@example.com");
        for (long id : endpoints) {
            if (webhooks.endpoints().stream().anyMatch(e -> e.id() == id && e.active())) {
                webhooks.deactivate(id);
            }
        }
        server.stop(0);
        clock.reset();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private AddedWebhookEndpoint addEndpoint() {
        AddedWebhookEndpoint added = webhooks.add(url(), "Servicing test receiver");
        endpoints.add(added.endpoint().id());
        return added;
    }

    private UUID event(String aggregate) {
        return new TransactionTemplate(transactions).execute(s ->
                outbox.record(EventType.PAYMENT_CREATED, aggregate, Map.of("loanNumber", "PT-1", "amount", "10.00")));
    }

    private void deliver() {
        SystemTask.run(delivery::deliverDue);
    }

    private WebhookEndpointSummary endpoint(long id) {
        return webhooks.endpoints().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private static JsonNode json(ReceivedWebhook r) {
        return JSON.readTree(r.body());
    }

    @Test
    void a_delivery_is_signed_and_a_500_is_retried_after_its_backoff() {
        AddedWebhookEndpoint added = addEndpoint();
        assertThat(added.secret()).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(added.toString()).doesNotContain(added.secret());
        UUID id = event("T-" + UUID.randomUUID());
        answers.add(500);

        deliver();
        assertThat(received).hasSize(1);
        ReceivedWebhook first = received.getFirst();
        assertThat(first.header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(id.toString());
        assertThat(first.header(WebhookSignature.EVENT_TYPE_HEADER)).isEqualTo("PAYMENT_CREATED");
        long timestamp = Long.parseLong(first.header(WebhookSignature.TIMESTAMP_HEADER));
        assertThat(timestamp).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(WebhookSignature.verify(added.secret(), timestamp, first.body(),
                first.header(WebhookSignature.SIGNATURE_HEADER))).as("signed with the endpoint's secret").isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", timestamp, first.body(),
                first.header(WebhookSignature.SIGNATURE_HEADER))).isFalse();
        assertThat(json(first).get("eventId").asString()).isEqualTo(id.toString());
        assertThat(json(first).get("payload").get("amount").asString()).isEqualTo("10.00");
        WebhookEndpointSummary failing = endpoint(added.endpoint().id());
        assertThat(failing.attempts()).isEqualTo(1);
        assertThat(failing.lastError()).isEqualTo("HTTP 500");

        deliver();
        assertThat(received).as("not before its backoff").hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        deliver();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header(WebhookSignature.EVENT_ID_HEADER)).as("the same event, the same id")
                .isEqualTo(id.toString());
        WebhookEndpointSummary done = endpoint(added.endpoint().id());
        assertThat(done.attempts()).isZero();
        assertThat(done.lastError()).isNull();
        assertThat(done.lastSequence()).isEqualTo(json(received.get(1)).get("sequence").asLong());

        deliver();
        assertThat(received).as("delivered once taken").hasSize(2);
    }

    private String storedSecret(long endpointId) {
        return jdbc.queryForObject("select secret from webhook_endpoints where id = ?", String.class, endpointId);
    }

    private ReceivedWebhook deliverOneEventTo(long endpointId) {
        event("T-" + UUID.randomUUID());
        int before = received.size();
        deliver();
        assertThat(received).hasSize(before + 1);
        return received.getLast();
    }

    private static boolean signedWith(String secret, ReceivedWebhook r) {
        return WebhookSignature.verify(secret, Long.parseLong(r.header(WebhookSignature.TIMESTAMP_HEADER)), r.body(),
                r.header(WebhookSignature.SIGNATURE_HEADER));
    }

    @Test
    void the_secret_is_stored_encrypted_for_its_endpoint_only_and_never_shown_again() {
        AddedWebhookEndpoint added = addEndpoint();
        long id = added.endpoint().id();
        String stored = storedSecret(id);
        assertThat(stored).startsWith("v1:").doesNotContain(added.secret())
                .doesNotContain(added.secret().substring("whsec_".length()));
        assertThat(webhooks.endpoints().toString()).doesNotContain(added.secret()).doesNotContain(stored);
        assertThat(signedWith(added.secret(), deliverOneEventTo(id))).as("signed with the secret shown once").isTrue();

        // The token copied into another endpoint's row does not decrypt there: that endpoint's delivery fails,
        // and neither the secret nor the token reaches its error.
        AddedWebhookEndpoint other = addEndpoint();
        webhooks.deactivate(id);
        jdbc.update("update webhook_endpoints set secret = ? where id = ?", stored, other.endpoint().id());
        event("T-" + UUID.randomUUID());
        int before = received.size();
        deliver();
        assertThat(received).as("nothing sent unsigned or signed wrongly").hasSize(before);
        WebhookEndpointSummary failing = endpoint(other.endpoint().id());
        assertThat(failing.attempts()).isEqualTo(1);
        assertThat(failing.lastError()).contains("does not decrypt").doesNotContain(stored)
                .doesNotContain(added.secret());
    }

    @Test
    void a_secret_stored_before_encryption_is_encrypted_at_start_up_and_signs_as_before() {
        String legacy = "whsec_" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
        long last = feed.latestCursor();
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            var st = c.prepareStatement("""
                    insert into webhook_endpoints (url, description, secret, active, last_sequence, created_by)
                    values (?, 'Added before V031', ?, true, ?, 'admin@example.com')""", new String[] {"id"});
            st.setString(1, url());
            st.setString(2, legacy);
            st.setLong(3, last);
            return st;
        }, key);
        long id = key.getKey().longValue();
        endpoints.add(id);

        assertThat(signedWith(legacy, deliverOneEventTo(id))).as("used as stored until sealed").isTrue();
        assertThat(secrets.sealStoredSecrets()).isGreaterThanOrEqualTo(1);
        String stored = storedSecret(id);
        assertThat(stored).startsWith("v1:").doesNotContain(legacy);
        assertThat(secrets.sealStoredSecrets()).as("a second start finds nothing to do").isZero();
        assertThat(storedSecret(id)).isEqualTo(stored);

        assertThat(signedWith(legacy, deliverOneEventTo(id))).as("the receiver keeps its secret").isTrue();
    }

    @Test
    void after_the_last_attempt_the_event_is_dead_lettered_the_next_goes_on_in_order_and_an_admin_retries_it() {
        AddedWebhookEndpoint added = addEndpoint();
        UUID lost = event("T-" + UUID.randomUUID());
        answers.add(500);
        answers.add(503);
        answers.add(-1); // the third attempt times out

        deliver();
        clock.advance(Duration.ofSeconds(31));
        deliver();
        assertThat(received).hasSize(2);
        clock.advance(Duration.ofSeconds(59));
        deliver();
        assertThat(received).as("the second wait is twice the first").hasSize(2);
        clock.advance(Duration.ofSeconds(2));
        deliver();
        assertThat(received).hasSize(3);

        List<DeadLetter> letters = webhooks.deadLetters().stream().filter(l -> l.eventId().equals(lost)).toList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.attempts()).isEqualTo(3);
            assertThat(letter.lastError()).containsIgnoringCase("timed out");
            assertThat(letter.endpointUrl()).isEqualTo(url());
            assertThat(letter.type()).isEqualTo(EventType.PAYMENT_CREATED);
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'WEBHOOK_DEAD_LETTERED' and detail like ?",
                Integer.class, "%" + lost + "%")).isOne();

        UUID next = event("T-" + UUID.randomUUID());
        deliver();
        assertThat(received.getLast().header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(next.toString());

        Optional<String> retried = webhooks.retry(letters.getFirst().id());
        assertThat(retried).isEmpty();
        assertThat(received.getLast().header(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(lost.toString());
        assertThat(webhooks.deadLetters()).extracting(DeadLetter::eventId).doesNotContain(lost);
        assertThatThrownBy(() -> webhooks.retry(letters.getFirst().id())).isInstanceOf(WebhookRefusedException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'WEBHOOK_RETRIED' and detail like ?",
                Integer.class, "%" + lost + "%")).isOne();
    }

    @Test
    void a_deactivated_endpoint_gets_nothing_and_only_admins_configure_endpoints() {
        AddedWebhookEndpoint added = addEndpoint();
        webhooks.deactivate(added.endpoint().id());
        event("T-" + UUID.randomUUID());
        deliver();
        assertThat(received).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'WEBHOOK_ENDPOINT_DEACTIVATED' "
                + "and detail like ?", Integer.class, "Endpoint " + added.endpoint().id() + ":%")).isOne();
        assertThatThrownBy(() -> webhooks.add("ftp://servicer.example.com/x", "x")).isInstanceOf(WebhookRefusedException.class);

        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> webhooks.endpoints()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> webhooks.add(url(), "x")).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> webhooks.deadLetters()).isInstanceOf(AccessDeniedException.class);
    }
}
