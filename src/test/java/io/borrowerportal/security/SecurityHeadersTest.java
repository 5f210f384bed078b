package io.borrowerportal.security;

import io.borrowerportal.PortalTest;
import io.borrowerportal.security.SecurityConfigurationTest.Session;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security headers every response carries, asked for over real HTTP: the sign-in page, Vaadin's pages and
 * its own requests, the portal's stylesheet, a document download, the error pages (decision 019).
 */
@PortalTest
class SecurityHeadersTest {

    static final String DOCUMENT_LINK = "VAADIN/dynamic/resource/[^\"\\\\]+";

    @LocalServerPort
    int port;

    @Autowired
    SecurityFilterChain securityFilterChain;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/login", "/login?error", "/accounts", "/nonexistent"})
    void signed_out_every_page_and_redirect_carries_the_headers(String path) throws Exception {
        HttpResponse<String> page = Session.signedOut(port).open(path);

        assertSecurityHeaders(page);
        assertNotStored(page);
    }

    @Test
    void the_sign_in_pages_stylesheet_carries_them_too() throws Exception {
        HttpResponse<String> css = Session.signedOut(port).open("/portal/sign-in.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertSecurityHeaders(css);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/accounts", "/accounts/AUTO-100482/summary", "/accounts/AUTO-100482/documents"})
    void signed_in_her_pages_carry_the_headers(String path) throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> page = jane.open(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page);
        assertNotStored(page);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/nonexistent", "/accounts/PL-200988/summary", "/staff"})
    void signed_in_the_not_found_page_carries_the_headers(String path) throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> page = jane.open(path);

        assertThat(page.statusCode()).isEqualTo(404);
        assertSecurityHeaders(page);
        assertNotStored(page);
    }

    @Test
    void a_refused_post_answers_403_with_the_headers() throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> post = jane.post("/nonexistent", "amount=1");

        assertThat(post.statusCode()).isEqualTo(403);
        assertSecurityHeaders(post);
    }

    @Test
    void vaadins_own_request_without_its_token_is_answered_with_the_headers() throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");

        HttpResponse<String> uidl = jane.post("/?v-r=uidl&v-uiId=0", "{}");

        assertSecurityHeaders(uidl);
    }

    @Test
    void a_document_download_carries_the_headers_and_is_not_stored() throws Exception {
        Session jane = Session.signedIn(port, "jane.borrower@example.com");
        HttpResponse<String> documents = jane.open("/accounts/AUTO-100482/documents");
        Matcher link = Pattern.compile(DOCUMENT_LINK).matcher(documents.body());
        assertThat(link.find()).as("a document link on her documents page").isTrue();

        HttpResponse<String> download = jane.open("/" + link.group());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).isIn("application/pdf", "image/png"));
        assertSecurityHeaders(download);
        assertThat(download.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("private"));
    }

    @Test
    void behind_the_tls_proxy_hsts_is_sent_and_over_plain_http_it_is_not() throws Exception {
        Session visitor = Session.signedOut(port);

        HttpResponse<String> proxied = visitor.client().send(HttpRequest.newBuilder(URI.create(visitor.base() + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = visitor.open("/login");

        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void behind_the_tls_proxy_a_redirect_stays_on_https() throws Exception {
        Session visitor = Session.signedOut(port);

        HttpResponse<String> proxied = visitor.client().send(HttpRequest.newBuilder(URI.create(visitor.base() + "/accounts"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(proxied.statusCode()).isEqualTo(302);
        assertThat(proxied.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://"));
    }

    @Test
    void the_session_cookie_is_secure_even_over_plain_http() throws Exception {
        HttpResponse<String> login = Session.signedOut(port).open("/login");

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly"));
    }

    /**
     * Vaadin writes X-Frame-Options: SAMEORIGIN itself unless the response has one, and the container commits a
     * response forwarded to Vaadin's servlet without Spring seeing it: the headers must be there before either.
     */
    @Test
    void the_headers_are_on_the_response_before_the_request_reaches_the_application() throws Exception {
        HeaderWriterFilter headers = (HeaderWriterFilter) securityFilterChain.getFilters().stream()
                .filter(HeaderWriterFilter.class::isInstance).findFirst().orElseThrow();
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenByTheApplication = new AtomicReference<>();

        ((Filter) headers).doFilter(new MockHttpServletRequest("GET", "/nonexistent"), response,
                (request, forwarded) -> seenByTheApplication.set(response.getHeader("X-Frame-Options")));

        assertThat(seenByTheApplication).hasValue("DENY");
    }

    /**
     * Files named by their content keep the cache time the server gives them (a year for the bundle): Spring's
     * {@code Pragma: no-cache} on them made Chromium ask for each again on every page load. Everything else stays
     * "do not store", a versioned-looking post and a document download included.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /VAADIN/build/indexhtml-BNp73Egs.js, false",
            "GET, /VAADIN/build/FlowClient-XDkeHcOw.js, false",
            "GET, /lumo/lumo.css?v-c=3e8d6c3d, false",
            "GET, /portal/portal.css?theme=x&v-c=2b8d4307, false",
            "GET, /accounts, true",
            "GET, /login, true",
            "GET, /VAADIN/dynamic/resource/0/abc/statement.pdf, true",
            "GET, /portal/portal.css?not-v-c=1, true",
            "GET, /accounts?v-c=1, true",
            "GET, /login?v-c=1, true",
            "POST, /VAADIN/build/indexhtml-BNp73Egs.js, true",
            "POST, /?v-r=uidl&v-uiId=1&v-c=1, true"})
    void only_files_named_by_their_content_may_be_cached(String method, String address, boolean notStored) throws Exception {
        HeaderWriterFilter headers = (HeaderWriterFilter) securityFilterChain.getFilters().stream()
                .filter(HeaderWriterFilter.class::isInstance).findFirst().orElseThrow();
        int query = address.indexOf('?');
        MockHttpServletRequest request = new MockHttpServletRequest(method, query < 0 ? address : address.substring(0, query));
        request.setQueryString(query < 0 ? null : address.substring(query + 1));
        MockHttpServletResponse response = new MockHttpServletResponse();

        ((Filter) headers).doFilter(request, response, (req, res) -> { });

        if (notStored) {
            assertThat(response.getHeader("Cache-Control")).contains("no-store");
            assertThat(response.getHeader("Pragma")).isEqualTo("no-cache");
        } else {
            assertThat(response.getHeaderNames()).doesNotContain("Cache-Control", "Pragma", "Expires");
            assertThat(response.getHeader("X-Content-Type-Options")).as("the other headers stay").isEqualTo("nosniff");
        }
    }

    static void assertSecurityHeaders(HttpResponse<?> response) {
        assertThat(response.headers().allValues("Content-Security-Policy"))
                .containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY)
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                        "default-src 'self'", "connect-src 'self'", "img-src 'self' data: blob:");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("same-origin");
        assertThat(response.headers().allValues("Permissions-Policy"))
                .containsExactly("camera=(), microphone=(), geolocation=()");
    }

    static void assertNotStored(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("no-store"));
    }
}
