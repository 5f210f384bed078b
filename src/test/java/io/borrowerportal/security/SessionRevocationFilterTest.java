package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.customer.CustomerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sessions end when their account's password changed after they signed in: the instant is in the database, so the
 * check works on every node; the session that changed its own password stays.
 */
class SessionRevocationFilterTest extends ServiceTest {

    static final String PASSWORD = "orange harbor quiet mountain";

    @Autowired
    SignInSessions sessions;
    @Autowired
    AccountPasswords passwords;
    @Autowired
    CustomerService customers;

    @LocalServerPort
    int port;

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_session_signed_in_before_a_password_reset_ends_and_one_signed_in_after_stays() throws Exception {
        String email = fresh();
        PortalUser user = (PortalUser) users.loadUserByUsername(email);
        MockHttpSession older = session(sessions.now().minusSeconds(60));

        assertThat(request(older, user)).isTrue();
        SystemTask.run(() -> passwords.change(user, "a brand new long passphrase"));
        MockHttpSession newer = session(sessions.now().plusMillis(1));

        assertThat(request(older, user)).as("the session from before the reset").isFalse();
        assertThat(older.isInvalid()).isTrue();
        assertThat(request(newer, user)).as("a session signed in after the reset").isTrue();
    }

    @Test
    void over_http_a_session_signed_in_before_a_reset_elsewhere_is_signed_out_at_its_next_request() throws Exception {
        String email = fresh(SecurityConfigurationTest.PASSWORD);
        SecurityConfigurationTest.Session browser = SecurityConfigurationTest.Session.signedIn(port, email);
        assertThat(browser.open("/accounts").statusCode()).isEqualTo(200);
        PortalUser user = (PortalUser) users.loadUserByUsername(email);

        SystemTask.run(() -> passwords.change(user, "a brand new long passphrase"));

        HttpResponse<String> after = browser.open("/accounts");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void the_session_that_changed_its_own_password_stays_signed_in() throws Exception {
        String email = fresh();
        PortalUser user = SignIn.as(users, email);
        MockHttpSession mine = session(sessions.now().minusSeconds(60));
        MockHttpSession other = session(sessions.now().minusSeconds(30));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(requestIn(mine)));

        passwords.change(user, "a brand new long passphrase");

        assertThat(request(mine, user)).isTrue();
        assertThat(request(other, user)).isFalse();
    }

    @Test
    void nobody_else_changes_a_password_and_not_during_a_preview() {
        String email = fresh();
        PortalUser user = (PortalUser) users.loadUserByUsername(email);
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> passwords.change(user, "a brand new long passphrase")).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> passwords.change(user, "a brand new long passphrase")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SystemTask.run(() -> passwords.change(user, "short")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String fresh() {
        return fresh(PASSWORD);
    }

    private String fresh(String password) {
        String email = "session-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SystemTask.run(() -> customers.create(email, "Sia", "Session", null, password));
        return email;
    }

    private static MockHttpSession session(Instant signedInAt) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SignInSessions.SIGNED_IN_AT, signedInAt);
        return session;
    }

    private static MockHttpServletRequest requestIn(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/accounts");
        request.setSession(session);
        return request;
    }

    /** One request of the session through the filter; true when it went on still signed in. */
    private boolean request(MockHttpSession session, PortalUser user) throws Exception {
        var saved = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        boolean[] signedIn = new boolean[1];
        try {
            new SessionRevocationFilter(sessions).doFilter(requestIn(session), new MockHttpServletResponse(),
                    new MockFilterChain() {
                        @Override
                        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
                            var auth = SecurityContextHolder.getContext().getAuthentication();
                            signedIn[0] = auth != null && auth.getPrincipal() instanceof PortalUser;
                        }
                    });
        } finally {
            SecurityContextHolder.setContext(saved);
        }
        return signedIn[0] && !session.isInvalid();
    }
}
