package io.borrowerportal.operations;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The management port over real HTTP (decision 038): probes, build info and Prometheus figures there, none of them on
 * the customers' port, and the business counters moving when the business happens.
 */
class ObservabilityTest extends ServiceTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String metrics() throws Exception {
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body();
    }

    /** The value of one Prometheus sample, the line that starts with {@code series} (name and labels as printed). */
    private static double sample(String scrape, String name, String... labels) {
        for (String line : scrape.lines().toList()) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + " with " + String.join(", ", labels) + " in the scrape");
    }

    @Test
    void the_management_port_is_its_own_and_answers_the_probes_without_a_sign_in() throws Exception {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(managementPort, probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
        // The customers' port has no actuator: the address is behind the sign-in like any other.
        HttpResponse<String> onCustomerPort = get(port, "/actuator/health");
        assertThat(onCustomerPort.body()).doesNotContain("\"status\":\"UP\"");
        assertThat(get(port, "/actuator/prometheus").body()).doesNotContain("jvm_memory_used_bytes");
        // Read-only: nothing else is exposed there.
        assertThat(get(managementPort, "/actuator/env").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/heapdump").statusCode()).isEqualTo(404);
    }

    @Test
    void info_names_the_build() throws Exception {
        HttpResponse<String> info = get(managementPort, "/actuator/info");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"artifact\":\"borrower-portal\"");
        Matcher version = Pattern.compile("\"version\":\"([^\"]+)\"").matcher(info.body());
        assertThat(version.find()).as(info.body()).isTrue();
        assertThat(version.group(1)).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void prometheus_has_the_jvm_the_pool_and_the_business_figures() throws Exception {
        assertThat(get(port, "/login").statusCode()).isEqualTo(200);
        String scrape = metrics();
        assertThat(scrape).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "jvm_gc_pause_seconds",
                "portal_email_outbox_backlog", "portal_email_outbox_oldest_age_seconds", "portal_autopay_run_overdue",
                "portal_autopay_run_seconds", "portal_ach_export_seconds", "portal_webhooks_delivery_lag_seconds",
                "portal_sign_ins_total", "portal_payments_total", "portal_readiness",
                // Buckets, so a p95 can be computed across nodes.
                "http_server_requests_seconds_bucket");
        assertThat(sample(scrape, "portal_readiness")).isEqualTo(1.0);
        // Every series carries the application's name, so one Prometheus can watch several portals.
        assertThat(sample(scrape, "portal_email_outbox_backlog", "application=\"borrower-portal\"")).isNotNegative();
    }

    @Test
    void a_card_payment_and_a_failed_sign_in_move_their_counters() throws Exception {
        String before = metrics();
        double completed = sample(before, "portal_payments_total", "channel=\"card\"", "status=\"completed\"");
        double wrongPasswords = sample(before, "portal_sign_ins_total", "outcome=\"failure\"", "reason=\"wrong_password\"");

        PaymentFixtures.Borrower borrower = PaymentFixtures.borrower(customers, servicing, "metrics");
        SignIn.as(users, borrower.email());
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        PaymentSummary paid = payments.submit(PaymentFixtures.custom(borrower.loanNumber(), "25.00", card));
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);
        SignIn.out();
        assertThatThrownBy(() -> authentication.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(borrower.email(), "not-the-password-1")))
                .isInstanceOf(BadCredentialsException.class);

        String after = metrics();
        assertThat(sample(after, "portal_payments_total", "channel=\"card\"", "status=\"completed\""))
                .isEqualTo(completed + 1);
        assertThat(sample(after, "portal_sign_ins_total", "outcome=\"failure\"", "reason=\"wrong_password\""))
                .isEqualTo(wrongPasswords + 1);
    }

    @Test
    void every_response_carries_a_request_id_and_a_given_one_is_kept_only_when_it_is_a_plain_token() throws Exception {
        HttpResponse<String> fresh = get(port, "/login");
        assertThat(fresh.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));

        HttpRequest.Builder given = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"));
        HttpResponse<String> kept = http.send(given.header(RequestIds.HEADER, "lb-4f1c2a9e-77").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kept.headers().firstValue(RequestIds.HEADER)).contains("lb-4f1c2a9e-77");

        HttpResponse<String> replaced = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header(RequestIds.HEADER, "x\"}{injected").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replaced.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{16}"));
    }
}
