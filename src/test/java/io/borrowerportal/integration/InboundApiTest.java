package io.borrowerportal.integration;

import io.borrowerportal.PortalTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.AccountSummary;
import io.borrowerportal.ledger.LoanFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbound API over real HTTP against the running portal (decision 028): its own stateless chain, API keys with
 * scopes, revocation, expiry and last use, the per-client rate limit (25 requests in the test profile), the body limit
 * (4 KB in the test profile), and a problem detail for every error. Each test issues clients of its own.
 */
@PortalTest
class InboundApiTest {

    static final String FIGURES = "/api/v1/loans/AUTO-100482/figures";

    @LocalServerPort
    int port;
    @Autowired
    ApiClients apiClients;
    @Autowired
    UserDetailsService users;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(port, json);
    }

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
        SignIn.out();
    }

    // --- 1. the chain and the keys ------------------------------------------------------------------------------

    @Test
    void a_read_key_gets_the_loans_figures_as_the_customers_summary_shows_them() throws Exception {
        String key = issue(ApiScope.READ, null).key();

        HttpResponse<String> response = api.get(FIGURES, key);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
        JsonNode body = json.readTree(response.body());
        SignIn.as(users, "jane.borrower@example.com");
        LoanFigures summary = accounts.myAccounts().stream().filter(a -> a.loanNumber().equals("AUTO-100482"))
                .map(AccountSummary::figures).findFirst().orElseThrow();
        assertThat(body.get("loanNumber").asString()).isEqualTo("AUTO-100482");
        assertThat(body.get("asOf").asString()).isEqualTo(summary.asOf().toString());
        assertThat(body.get("amountDue").decimalValue()).isEqualByComparingTo(summary.amountDue());
        assertThat(body.get("payoffAmount").decimalValue()).isEqualByComparingTo(summary.payoffAmount());
        assertThat(body.get("perDiem").decimalValue()).isEqualByComparingTo(summary.perDiem());
        assertThat(body.get("nextDueDate").asString()).isEqualTo(summary.nextDueDate().toString());
        assertThat(body.get("principalBalance").decimalValue()).isEqualByComparingTo(summary.principalBalance());
        assertThat(summary.payoffAmount()).isPositive();
    }

    @Test
    void an_unknown_loan_is_a_404_problem() throws Exception {
        String key = issue(ApiScope.READ, null).key();

        HttpResponse<String> response = api.get("/api/v1/loans/NOPE-99999/figures", key);

        JsonNode problem = api.problem(response, 404);
        assertThat(problem.get("detail").asString()).isEqualTo("There is no loan NOPE-99999.");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/loans/NOPE-99999/figures");
    }

    @Test
    void without_a_key_the_answer_is_401_with_a_bearer_challenge() throws Exception {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(FIGURES)).GET());

        api.problem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void an_unknown_or_malformed_key_is_401_and_not_audited() throws Exception {
        String unknownId = ApiKeys.newPublicId();
        String unknown = ApiKeys.key(unknownId, ApiKeys.newSecret());

        assertThat(api.problem(api.get(FIGURES, unknown), 401).get("detail").asString()).isEqualTo(ApiKeyAuthenticationFilter.INVALID);
        assertThat(api.problem(api.get(FIGURES, "not-a-key"), 401).get("detail").asString()).isEqualTo(ApiKeyAuthenticationFilter.INVALID);
        HttpResponse<String> basic = api.send(HttpRequest.newBuilder(api.uri(FIGURES)).header("Authorization", "Basic YTpi").GET());
        api.problem(basic, 401);
        assertThat(audits("api:" + unknownId, "API_REQUEST_UNAUTHENTICATED")).isZero();
    }

    @Test
    void a_known_client_with_a_wrong_secret_is_401_and_audited() throws Exception {
        IssuedApiClient client = issue(ApiScope.READ, null);
        String wrong = ApiKeys.key(client.client().publicId(), ApiKeys.newSecret());

        assertThat(api.problem(api.get(FIGURES, wrong), 401).get("detail").asString()).isEqualTo(ApiKeyAuthenticationFilter.INVALID);
        assertThat(audits("api:" + client.client().publicId(), "API_REQUEST_UNAUTHENTICATED")).isEqualTo(1);
        assertThat(api.get(FIGURES, client.key()).statusCode()).as("the right key still works").isEqualTo(200);
    }

    @Test
    void a_revoked_key_is_refused_with_401_at_once_and_audited() throws Exception {
        IssuedApiClient client = issue(ApiScope.WRITE, null);
        assertThat(api.get(FIGURES, client.key()).statusCode()).isEqualTo(200);

        asAdmin(() -> apiClients.revoke(client.client().id()));

        assertThat(api.problem(api.get(FIGURES, client.key()), 401).get("detail").asString()).isEqualTo(ApiKeyAuthenticationFilter.REVOKED);
        assertThat(audits("api:" + client.client().publicId(), "API_REQUEST_UNAUTHENTICATED")).isEqualTo(1);
    }

    @Test
    void a_key_works_through_its_last_day_and_is_refused_with_401_after_it() throws Exception {
        LocalDate today = LocalDate.now(clock);
        IssuedApiClient client = issue(ApiScope.READ, today);
        assertThat(api.get(FIGURES, client.key()).statusCode()).isEqualTo(200);

        ((TestClock) clock).moveTo(today.plusDays(1));

        assertThat(api.problem(api.get(FIGURES, client.key()), 401).get("detail").asString()).isEqualTo(ApiKeyAuthenticationFilter.EXPIRED);
        assertThat(audits("api:" + client.client().publicId(), "API_REQUEST_UNAUTHENTICATED")).isEqualTo(1);
    }

    @Test
    void a_read_only_key_on_a_write_is_403_and_audited_and_a_write_key_may_both() throws Exception {
        IssuedApiClient reader = issue(ApiScope.READ, null);
        String writer = issue(ApiScope.WRITE, null).key();
        String body = "{\"name\":\"probe\",\"amount\":12.50}";

        HttpResponse<String> refused = api.post(ApiProbeController.PATH, reader.key(), body);

        assertThat(api.problem(refused, 403).get("detail").asString()).isEqualTo(ApiSecurityConfiguration.READ_ONLY);
        assertThat(audits("api:" + reader.client().publicId(), "API_REQUEST_FORBIDDEN")).isEqualTo(1);
        HttpResponse<String> written = api.post(ApiProbeController.PATH, writer, body);
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(json.readTree(written.body()).get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(api.get(FIGURES, writer).statusCode()).as("WRITE implies READ").isEqualTo(200);
    }

    @Test
    void a_browser_session_cookie_does_not_authenticate_an_api_request() throws Exception {
        HttpResponse<String> signInPage = api.send(HttpRequest.newBuilder(api.uri("/login")).GET());
        HttpResponse<String> login = api.send(HttpRequest.newBuilder(api.uri("/login")).header("Cookie", sessionCookie(signInPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignIn.csrfField(signInPage.body())
                        + "username=jane.borrower@example.com&password=demo-password-1")));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        String cookie = sessionCookie(login);
        HttpResponse<String> page = api.send(HttpRequest.newBuilder(api.uri("/accounts/AUTO-100482/summary")).header("Cookie", cookie)
                .header("Accept", "text/html").GET());
        assertThat(page.statusCode()).as("the session is signed in").isEqualTo(200);

        HttpResponse<String> withCookie = api.send(HttpRequest.newBuilder(api.uri(FIGURES)).header("Cookie", cookie).GET());

        api.problem(withCookie, 401);
        assertThat(withCookie.body()).doesNotContain("payoffAmount");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void an_api_key_does_not_open_a_vaadin_page() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> page = api.send(HttpRequest.newBuilder(api.uri("/staff/api-clients")).header("Authorization", "Bearer " + key)
                .header("Accept", "text/html").GET());
        HttpResponse<String> summary = api.send(HttpRequest.newBuilder(api.uri("/accounts/AUTO-100482/summary"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/html").GET());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(summary.statusCode()).isEqualTo(302);
    }

    @Test
    void last_use_is_recorded_at_most_once_a_minute() throws Exception {
        IssuedApiClient client = issue(ApiScope.READ, null);
        assertThat(lastUsed(client)).isNull();

        api.get(FIGURES, client.key());
        Instant first = lastUsed(client);
        ((TestClock) clock).advance(Duration.ofSeconds(30));
        api.get(FIGURES, client.key());
        Instant afterThirtySeconds = lastUsed(client);
        ((TestClock) clock).advance(Duration.ofSeconds(31));
        api.get(FIGURES, client.key());
        Instant afterAMinute = lastUsed(client);

        assertThat(first).isNotNull();
        assertThat(afterThirtySeconds).isEqualTo(first);
        assertThat(afterAMinute).isAfterOrEqualTo(first.plusSeconds(60));
    }

    @Test
    void a_client_over_its_rate_limit_gets_429_with_retry_after_and_others_are_not_affected() throws Exception {
        String busy = issue(ApiScope.READ, null).key();
        String other = issue(ApiScope.READ, null).key();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(api.get("/api/v1/loans/NOPE-1/figures", busy).statusCode());
        }
        assertThat(statuses).containsOnly(404);

        HttpResponse<String> limited = api.get(FIGURES, busy);

        api.problem(limited, 429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(api.get(FIGURES, other).statusCode()).isEqualTo(200);
    }

    // --- 2. problem details ---------------------------------------------------------------------------------------

    @Test
    void an_unknown_address_under_the_api_is_a_404_problem_not_a_page() throws Exception {
        String key = issue(ApiScope.READ, null).key();

        HttpResponse<String> response = api.get("/api/v1/nothing-here", key);

        api.problem(response, 404);
        assertThat(response.body()).doesNotContain("<html", "We couldn't find");
    }

    @Test
    void a_wrong_method_is_a_405_problem_with_allow() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> response = api.post(FIGURES, key, "{}");

        api.problem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri(ApiProbeController.PATH)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=probe")));

        api.problem(response, 415);
    }

    @Test
    void malformed_json_is_a_400_problem_without_the_parsers_text() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> response = api.post(ApiProbeController.PATH, key, "{\"name\": \"probe\", \"amount\": ");

        JsonNode problem = api.problem(response, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Malformed JSON");
        assertThat(response.body()).doesNotContain("line:", "column", "Unexpected end");
    }

    @Test
    void an_unknown_field_is_refused_naming_it() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> response = api.post(ApiProbeController.PATH, key, "{\"name\":\"probe\",\"amount\":1,\"colour\":\"red\"}");

        JsonNode problem = api.problem(response, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Unknown field");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("colour");
    }

    @Test
    void bean_validation_errors_name_each_bad_field_with_its_message() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> response = api.post(ApiProbeController.PATH, key, "{\"name\":\"\",\"amount\":-5}");

        JsonNode problem = api.problem(response, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> {
            fields.add(error.get("field").asString());
            assertThat(error.get("message").asString()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrder("name", "amount");
    }

    @Test
    void a_value_of_the_wrong_type_is_a_400_naming_the_field() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();

        HttpResponse<String> response = api.post(ApiProbeController.PATH, key, "{\"name\":\"probe\",\"amount\":\"lots\"}");

        assertThat(api.problem(response, 400).get("errors").get(0).get("field").asString()).isEqualTo("amount");
    }

    @Test
    void a_body_over_the_limit_with_its_length_declared_is_413_before_it_is_read() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();
        String big = "{\"name\":\"probe\",\"amount\":1,\"note\":\"" + "x".repeat(5_000) + "\"}";

        HttpResponse<String> response = api.post(ApiProbeController.PATH, key, big);

        api.problem(response, 413);
    }

    @Test
    void a_chunked_body_over_the_limit_is_413_counted_as_it_is_read() throws Exception {
        String key = issue(ApiScope.WRITE, null).key();
        byte[] big = ("{\"name\":\"probe\",\"amount\":1,\"note\":\"" + "x".repeat(5_000) + "\"}").getBytes();
        byte[] small = "{\"name\":\"probe\",\"amount\":1}".getBytes();

        HttpResponse<String> refused = api.send(HttpRequest.newBuilder(api.uri(ApiProbeController.PATH)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        HttpResponse<String> accepted = api.send(HttpRequest.newBuilder(api.uri(ApiProbeController.PATH)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))));

        api.problem(refused, 413);
        assertThat(accepted.statusCode()).as("a chunked body under the limit is read").isEqualTo(200);
    }

    @Test
    void an_unexpected_failure_is_a_500_problem_with_none_of_its_text() throws Exception {
        String key = issue(ApiScope.READ, null).key();

        HttpResponse<String> response = api.get(ApiProbeController.FAILURE, key);

        api.problem(response, 500);
        assertThat(response.body()).doesNotContain(ApiProbeController.FAILURE_TEXT, "IllegalState");
    }

    @Test
    void the_demo_client_exists_only_in_the_embedded_h2_database() {
        String url = jdbc.sql("select 1").query((rs, n) -> {
            try {
                return rs.getStatement().getConnection().getMetaData().getURL();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }).single();
        int demo = jdbc.sql("select count(*) from api_clients where public_id = 'demoservicer0001'").query(Integer.class).single();
        assertThat(demo).as("demo API client in " + url).isEqualTo(url.startsWith("jdbc:h2:") ? 1 : 0);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private IssuedApiClient issue(ApiScope scope, LocalDate expiresOn) {
        return ApiCalls.issue(apiClients, users, scope, expiresOn);
    }

    private void asAdmin(Runnable work) {
        SignIn.as(users, "admin@example.com");
        try {
            work.run();
        } finally {
            SignIn.out();
        }
    }

    private int audits(String actor, String action) {
        return jdbc.sql("select count(*) from audit_events where actor = :actor and action = :action")
                .param("actor", actor).param("action", action).query(Integer.class).single();
    }

    private Instant lastUsed(IssuedApiClient client) {
        return jdbc.sql("select last_used_at from api_clients where id = :id").param("id", client.client().id())
                .query(Instant.class).optional().orElse(null);
    }
}
