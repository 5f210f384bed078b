package io.borrowerportal.outbox.ui;

import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.outbox.EventFeed;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /staff/webhooks} for admins: add (secret once), refusals beside the field, deactivate, dead letters, Retry. */
class WebhooksViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    EventFeed feed;
    @Autowired
    PlatformTransactionManager transactions;

    private long endpointId(String url) {
        Long id = jdbc.queryForObject("select max(id) from webhook_endpoints where url = ?", Long.class, url);
        return id == null ? -1 : id;
    }

    @Test
    @WithUserDetails("admin@example.com")
    void an_admin_adds_an_endpoint_sees_its_secret_once_and_deactivates_it() {
        navigate(WebhooksView.class);
        test($(TextField.class).id("webhook-url")).setValue("ftp://servicer.example.com/hooks");
        test($(TextField.class).id("webhook-description")).setValue("Servicer");
        test($(Button.class).id("webhook-add")).click();
        TextField url = $(TextField.class).id("webhook-url");
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("http://");

        String address = "http://127.0.0.1:9/hooks/" + UUID.randomUUID();
        test(url).setValue(address);
        test($(Button.class).id("webhook-add")).click();

        assertThat(url.isInvalid()).isFalse();
        String secret = $(TextField.class).id("webhook-secret-value").getValue();
        assertThat(secret).startsWith("whsec_");
        String stored = jdbc.queryForObject("select secret from webhook_endpoints where url = ?", String.class, address);
        assertThat(stored).as("stored encrypted (decision 035)").startsWith("v1:").doesNotContain(secret);
        long id = endpointId(address);
        assertThat($(Div.class).id("webhook-endpoint-" + id).getElement().getTextRecursively())
                .contains(address, "Servicer", "Active").doesNotContain(secret).doesNotContain(stored);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'WEBHOOK_ENDPOINT_ADDED' "
                + "and detail like ?", Integer.class, "Endpoint " + id + ":%")).isOne();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where detail like ?", Integer.class,
                "%" + secret + "%")).as("the secret is never audited").isZero();

        test($(Button.class).id("webhook-secret-done")).click();
        assertThat($(TextField.class).withId("webhook-secret-value").exists()).isFalse();
        navigate(WebhooksView.class);
        assertThat($(TextField.class).withId("webhook-secret-value").exists()).as("shown once").isFalse();

        test($(Button.class).id("webhook-deactivate-" + id)).click();
        test($(ConfirmDialog.class).id("webhook-confirm")).confirm();
        assertThat($(Div.class).id("webhook-endpoint-" + id).getElement().getTextRecursively()).contains("Inactive");
        assertThat($(Button.class).withId("webhook-deactivate-" + id).exists()).isFalse();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void a_dead_letter_is_listed_with_its_event_endpoint_attempts_and_error_and_retry_delivers_it() throws IOException {
        AtomicInteger posts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String address = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            String aggregate = "T-" + UUID.randomUUID();
            new TransactionTemplate(transactions).executeWithoutResult(s ->
                    outbox.record(EventType.PAYMENT_CREATED, aggregate, Map.of("loanNumber", "PT-1")));
            long sequence = SystemTask.call(feed::latestCursor);
            jdbc.update("insert into webhook_endpoints (url, description, secret, active, last_sequence, created_by) "
                    + "values (?, 'Servicer', 'whsec_test', true, ?, 'test')", address, sequence);
            long endpoint = endpointId(address);
            jdbc.update("insert into webhook_dead_letters (endpoint_id, sequence_no, attempts, last_error) values (?, ?, 8, 'HTTP 500')",
                    endpoint, sequence);
            Long letter = jdbc.queryForObject("select id from webhook_dead_letters where endpoint_id = ?", Long.class, endpoint);

            navigate(WebhooksView.class);
            assertThat($(Div.class).id("webhook-dead-letter-" + letter).getElement().getTextRecursively())
                    .contains("PAYMENT_CREATED " + aggregate, address, "8 attempts", "Last error: HTTP 500");
            test($(Button.class).id("webhook-retry-" + letter)).click();

            assertThat(posts.get()).isOne();
            assertThat($(Div.class).id("webhooks-message").getText()).contains("was delivered");
            assertThat($(Div.class).withId("webhook-dead-letter-" + letter).exists()).isFalse();
            jdbc.update("update webhook_endpoints set active = false where id = ?", endpoint);
        } finally {
            server.stop(0);
        }
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_who_are_not_admins_cannot_open_the_page() {
        navigate("staff/webhooks", NotFoundView.class);
        assertThat($(Div.class).withId("webhook-endpoints").exists()).isFalse();
    }
}
