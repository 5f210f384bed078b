package io.borrowerportal.security.ui;

import io.borrowerportal.LocalhostCookies;
import io.borrowerportal.PortalTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page over real HTTP, through the security filter chain, as a browser asks for it (decision 043). */
@PortalTest
class SignInPageTest {

    @LocalServerPort
    int port;
    @Autowired
    SettingsService settingsService;

    /** One browser: its own cookies, no automatic redirects. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void the_page_is_plain_html_with_the_lender_the_form_and_the_ways_in() throws Exception {
        WebsiteSettings settings = settingsService.current();
        HttpResponse<String> page = open("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body())
                .contains("<html lang=\"en\"", "<title>Sign in</title>", "<link rel=\"stylesheet\" href=\"portal/sign-in.css\">")
                .contains("<h1 class=\"login-lender\">" + settings.lenderName() + "</h1>")
                .contains("<form class=\"login-form\" method=\"post\" action=\"login\">")
                .contains("<label for=\"username\">Email</label>",
                        "<input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required autofocus>")
                .contains("<label for=\"password\">Password</label>",
                        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
                .contains("<button id=\"login-submit\" type=\"submit\">Sign in</button>")
                .contains("href=\"forgot-password\">Forgot password?</a>")
                .contains("<a id=\"login-activate\" class=\"login-activate\" href=\"activate\">First time here? Activate your account</a>")
                .contains("Questions? Call " + settings.supportPhone() + " or write to " + settings.supportEmail() + ".")
                .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[A-Za-z0-9_=-]{20,}\">")
                // No Vaadin client, no script of any kind; nothing to announce.
                .doesNotContain("<script", "vaadin-login-form", "login-error", "login-notice");
    }

    @Test
    void a_refused_sign_in_comes_back_with_one_message_as_an_alert() throws Exception {
        String body = open("/login?error").body();

        assertThat(body).contains("role=\"alert\"", SignInPage.ERROR_TITLE, SignInPage.ERROR_MESSAGE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "activated, Your account is active. Sign in with your new password.",
            "password-reset, Your password was changed. Sign in with your new password.",
            "expired, 'The sign-in page was open too long, so nothing was sent. Please sign in again.'"})
    void after_the_access_pages_and_an_expired_form_the_page_says_what_happened(String parameter, String notice) throws Exception {
        String body = open("/login?" + parameter).body();

        assertThat(body).containsPattern("<p id=\"login-notice\" class=\"login-notice[a-z -]*\" role=\"status\">")
                .contains(" role=\"status\">" + notice + "</p>")
                .doesNotContain("login-error");
    }

    @Test
    void the_stylesheet_answers_signed_out() throws Exception {
        HttpResponse<String> css = open("/portal/sign-in.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains(".login-card");
    }

    @Test
    void the_form_signs_in_with_the_pages_csrf_token() throws Exception {
        String page = open("/login").body();

        HttpResponse<String> signIn = post(SignIn.csrfField(page) + "username=jane.borrower@example.com&password=demo-password-1");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("/login"));
        assertThat(open("/accounts").statusCode()).as("signed in").isEqualTo(200);
    }

    @Test
    void a_sign_in_post_without_the_pages_token_is_refused_before_the_password_is_checked() throws Exception {
        String page = open("/login").body();

        HttpResponse<String> withoutToken = post("username=jane.borrower@example.com&password=demo-password-1");
        HttpResponse<String> wrongToken = post("_csrf=made-up&username=jane.borrower@example.com&password=demo-password-1");
        // A form whose session has ended (15 idle minutes): the token is right, but no session holds it any more.
        HttpResponse<String> sessionGone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(SignIn.csrfField(page)
                                + "username=jane.borrower@example.com&password=demo-password-1")).build(),
                        HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> refused : List.of(withoutToken, wrongToken, sessionGone)) {
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?expired"));
        }
        assertThat(open("/accounts").statusCode()).as("still signed out").isEqualTo(302);
    }

    private HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Mode", "navigate").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
