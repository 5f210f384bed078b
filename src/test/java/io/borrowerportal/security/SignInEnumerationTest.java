package io.borrowerportal.security;

import io.borrowerportal.LocalhostCookies;
import io.borrowerportal.Polling;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.customer.CustomerService;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The sign-in answer does not tell whether an email has an account or what state it is in (decision 017): a
 * wrong password, an unknown email, a locked (after failures or by status), invited or disabled account get
 * the same exception with the same words, in the same time, because each costs exactly one bcrypt hash.
 * <p>
 * The 50 ms bound is on the CPU time of the signing-in thread: on the shared two-core machines this suite runs
 * on, the wall clock of one bcrypt-12 hash swings between 0.8 and 2 s with the other processes' load, while the
 * work done, which is what could differ between the kinds, does not. The wall clock is checked too, loosely.
 */
class SignInEnumerationTest extends ServiceTest {

    static final String PASSWORD = "right-password-1";
    static final String WRONG = "wrong-password-1";
    static final int TRIES = 20;
    /** Allowed distance of each kind's mean from the wrong password's; one bcrypt-12 hash is about 250 ms. */
    static final double TOLERANCE_MS = 50;

    enum Kind { WRONG_PASSWORD, UNKNOWN_EMAIL, LOCKED_AFTER_FAILURES, LOCKED_BY_STATUS, INVITED, DISABLED_STAFF }

    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    CustomerService customers;
    @Autowired
    StaffDirectory staffDirectory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignInLockout lockout;
    @Autowired
    SecondFactorService secondFactors;
    @LocalServerPort
    int port;

    @Test
    void every_kind_of_refusal_says_the_same_in_the_same_time_as_a_wrong_password() throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        Map<Kind, Supplier<UsernamePasswordAuthenticationToken>> attempts = attempts(manager);

        // Exactly: each kind costs one hash, counted by a wrapper around the application's encoder.
        FailedSignInConcurrencyTest.CountingEncoder counting = new FailedSignInConcurrencyTest.CountingEncoder(passwordEncoder);
        ProviderManager counted = new ProviderManager(new SignInAuthenticationProvider(users, counting, lockout, secondFactors));
        // The provider makes its dummy hash once, on another thread, as it is built: no sign-in's cost.
        Polling.within(Duration.ofSeconds(30), () -> counting.hashes.get() == 1);
        for (Kind kind : Kind.values()) {
            counting.hashes.set(0);
            assertThat(catchThrowable(() -> counted.authenticate(attempts.get(kind).get()))).as(kind.name())
                    .isInstanceOf(BadCredentialsException.class).hasMessage(SignInAuthenticationProvider.REFUSED);
            assertThat(counting.hashes.get()).as("hashes for " + kind).isEqualTo(1);
        }

        // Measured, through the application's AuthenticationManager.
        Map<Kind, List<Double>> cpu = new EnumMap<>(Kind.class);
        Map<Kind, List<Double>> wall = new EnumMap<>(Kind.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Kind> order = new ArrayList<>(List.of(Kind.values()));
        Random random = new Random(11);
        for (int round = -2; round < TRIES; round++) {  // two rounds to warm up, not measured
            // Interleaved, in a new order each round: a burst of load on the machine hits every kind alike.
            Collections.shuffle(order, random);
            for (Kind kind : order) {
                UsernamePasswordAuthenticationToken attempt = attempts.get(kind).get();
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                Throwable refused = catchThrowable(() -> manager.authenticate(attempt));
                double elapsed = (System.nanoTime() - start) / 1e6;
                double elapsedCpu = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
                assertThat(refused).as(kind.name()).isInstanceOf(BadCredentialsException.class)
                        .hasMessage(SignInAuthenticationProvider.REFUSED);
                if (round >= 0) {
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(elapsedCpu);
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(elapsed);
                }
            }
        }

        double wrongCpu = trimmedMean(cpu.get(Kind.WRONG_PASSWORD));
        double wrongWall = trimmedMean(wall.get(Kind.WRONG_PASSWORD));
        assertThat(wrongCpu).as("a wrong password costs a bcrypt hash").isGreaterThan(50);
        for (Kind kind : Kind.values()) {
            assertThat(trimmedMean(cpu.get(kind))).as(kind + " against a wrong password's " + wrongCpu + " ms of CPU; "
                    + "all: " + cpu).isCloseTo(wrongCpu, Offset.offset(TOLERANCE_MS));
            // On a loaded machine the wall clock varies by hundreds of ms per try; it must still show the one hash.
            assertThat(trimmedMean(wall.get(kind))).as(kind + " against a wrong password's " + wrongWall + " ms; all: "
                    + wall).isBetween(wrongWall * 0.6, wrongWall * 1.4);
        }
    }

    @Test
    void over_http_a_locked_account_with_the_right_password_gets_the_same_redirect_as_a_wrong_password() throws Exception {
        String email = "enum-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SystemTask.run(() -> customers.create(email, "Enum", "Tester", null, PASSWORD));
        AuthenticationManager manager = authentication.getAuthenticationManager();
        for (int i = 0; i < 10; i++) {
            catchThrowable(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, WRONG)));
        }

        HttpResponse<String> locked = postLogin(email, PASSWORD);
        HttpResponse<String> unknown = postLogin("nobody-" + email, PASSWORD);

        for (HttpResponse<String> response : List.of(locked, unknown)) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));
        }
        assertThat(locked.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
        assertThat(locked.body()).isEqualTo(unknown.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_failures WHERE typed_name = ?", Integer.class, email))
                .as("one failure row, so one authentication, per request").isEqualTo(11);
    }

    private Map<Kind, Supplier<UsernamePasswordAuthenticationToken>> attempts(AuthenticationManager manager) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Three accounts take the wrong passwords in turn, so none reaches the lockout's ten.
        List<String> wrong = List.of(customer(run, "wrong-a"), customer(run, "wrong-b"), customer(run, "wrong-c"));
        String lockedAfterFailures = customer(run, "locked");
        for (int i = 0; i < 10; i++) {
            catchThrowable(() -> manager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(lockedAfterFailures, WRONG)));
        }
        String lockedByStatus = customer(run, "status-locked");
        jdbc.update("UPDATE customers SET status = 'LOCKED' WHERE email = ?", lockedByStatus);
        String invited = customer(run, "invited");
        jdbc.update("UPDATE customers SET status = 'INVITED', password_hash = NULL WHERE email = ?", invited);
        String disabled = "enum-" + run + "-disabled-staff@example.com";
        SystemTask.run(() -> staffDirectory.create(disabled, "Disabled Staff", Role.STAFF, PASSWORD));
        jdbc.update("UPDATE staff_users SET active = FALSE WHERE email = ?", disabled);

        int[] next = {0};
        Map<Kind, Supplier<UsernamePasswordAuthenticationToken>> attempts = new EnumMap<>(Kind.class);
        attempts.put(Kind.WRONG_PASSWORD, () -> token(wrong.get(next[0]++ % wrong.size()), WRONG));
        attempts.put(Kind.UNKNOWN_EMAIL, () -> token("enum-" + UUID.randomUUID() + "@example.com", PASSWORD));
        // The right password where there is one: refused all the same.
        attempts.put(Kind.LOCKED_AFTER_FAILURES, () -> token(lockedAfterFailures, PASSWORD));
        attempts.put(Kind.LOCKED_BY_STATUS, () -> token(lockedByStatus, PASSWORD));
        attempts.put(Kind.INVITED, () -> token(invited, PASSWORD));
        attempts.put(Kind.DISABLED_STAFF, () -> token(disabled, PASSWORD));
        return attempts;
    }

    private String customer(String run, String what) {
        String email = "enum-" + run + "-" + what + "@example.com";
        SystemTask.run(() -> customers.create(email, "Enum", "Tester", null, PASSWORD));
        return email;
    }

    private static UsernamePasswordAuthenticationToken token(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }

    /**
     * The mean without the two fastest and two slowest tries: on a shared two-core machine one descheduled
     * thread or a GC pause adds a few hundred milliseconds to a single try, which says nothing about the code.
     * A path that skipped the hash would still be about 250 ms off.
     */
    static double trimmedMean(List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        return sorted.subList(2, sorted.size() - 2).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The sign-in page, then its form's post from the same session, as a browser sends them. */
    private HttpResponse<String> postLogin(String email, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new LocalhostCookies()).build();
        URI login = URI.create("http://localhost:" + port + "/login");
        String page = client.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        HttpRequest request = HttpRequest.newBuilder(login)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignIn.csrfField(page) + "username=" + email + "&password=" + password)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
