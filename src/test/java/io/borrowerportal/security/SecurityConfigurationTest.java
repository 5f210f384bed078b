package io.borrowerportal.security;

import io.borrowerportal.LocalhostCookies;
import io.borrowerportal.PortalTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a wrong address answers over real HTTP, as a browser's address bar would ask for it: the portal's
 * own not-found page with status 404 when signed in, the sign-in page when signed out (decision 006).
 */
@PortalTest
class SecurityConfigurationTest {

    static final String NOT_FOUND = "We couldn't find that page";
    static final String PASSWORD = "demo-password-1";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/nonexistent",                       // no such route
            "/my-settings",                       // a plausible page the portal does not have
            "/accounts/AUTO-100482/nope",         // a route of hers with extra segments
            "/accounts/PL-200988/summary",        // another customer's loan
            "/accounts/PL-200988",
            "/staff",                             // a staff route
            "/staff/payments",
            "/nonexistent.png"})
    void signed_in_a_wrong_address_answers_the_portals_not_found_page_with_404(String path) throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> page = jane.open(path);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains(NOT_FOUND)
                .doesNotContain("alex.latepay@example.com").doesNotContain("Customers");
    }

    @Test
    void the_same_session_opens_her_own_pages_with_200() throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> summary = jane.open("/accounts/AUTO-100482/summary");

        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(summary.body()).contains("Payoff amount").doesNotContain(NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/accounts", "/accounts/AUTO-100482/summary", "/staff/nope"})
    void signed_in_as_staff_a_customer_page_or_an_unknown_one_answers_not_found_with_404(String path) throws Exception {
        Session staff = Session.signedIn(port, "staff@example.com");

        HttpResponse<String> page = staff.open(path);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains(NOT_FOUND).doesNotContain("Payoff amount");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/staff", "/staff/payments"})
    void staff_who_passed_only_the_password_get_the_second_factor_page_instead_of_the_console(String path) throws Exception {
        Session staff = Session.signedIn(port, "staff@example.com");

        HttpResponse<String> page = staff.open(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Second sign-in step").doesNotContain("jane.borrower@example.com")
                .doesNotContain(NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/nonexistent", "/my-settings", "/accounts/AUTO-100482/nope", "/accounts/PL-200988/summary",
            "/accounts", "/staff", "/staff/payments", "/nonexistent.png", "/"})
    void signed_out_every_address_but_the_public_ones_leads_to_sign_in(String path) throws Exception {
        HttpResponse<String> page = Session.signedOut(port).open(path);

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/login");
        assertThat(page.body()).doesNotContain(NOT_FOUND);
    }

    @Test
    void the_sign_in_page_and_its_stylesheet_answer_while_signed_out() throws Exception {
        Session visitor = Session.signedOut(port);

        assertThat(visitor.open("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> css = visitor.open("/portal/portal.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void a_signed_in_post_to_an_unknown_address_without_the_csrf_token_is_refused() throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> post = jane.post("/nonexistent", "amount=1");

        assertThat(post.statusCode()).isEqualTo(403);
    }

    /** One browser: its own cookies, no automatic redirects, asking for pages as an address bar does. */
    record Session(HttpClient client, String base) {

        static Session signedOut(int port) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            return new Session(client, "http://localhost:" + port);
        }

        static Session signedIn(int port, String email) throws IOException, InterruptedException {
            Session session = signedOut(port);
            HttpResponse<String> page = session.open("/login");
            HttpResponse<String> login = session.post("/login", SignIn.csrfField(page.body()) + "username=" + email + "&password=" + PASSWORD);
            assertThat(login.statusCode()).as("sign-in of " + email).isEqualTo(302);
            assertThat(login.headers().firstValue("Location")).as("sign-in of " + email)
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
            return session;
        }

        HttpResponse<String> open(String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html,application/xhtml+xml")
                    .header("Sec-Fetch-Dest", "document")
                    .header("Sec-Fetch-Mode", "navigate")
                    .GET().build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
