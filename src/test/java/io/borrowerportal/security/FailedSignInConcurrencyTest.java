package io.borrowerportal.security;

import io.borrowerportal.Polling;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A burst of failed sign-ins costs one password hash each and never queues on the audit chain (decision 017):
 * 50 run at once while another transaction holds the chain head's row lock all along, and all finish refused.
 */
class FailedSignInConcurrencyTest extends ServiceTest {

    static final int ATTEMPTS = 50;
    static final int PER_ACCOUNT = 9;  // below the lockout, whose start does go on the chain

    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignInLockout lockout;
    @Autowired
    SecondFactorService secondFactors;
    @Autowired
    AuthenticationEventPublisher events;
    @Autowired
    CustomerService customers;
    @Autowired
    AuditService audit;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fifty_concurrent_failed_sign_ins_cost_fifty_hashes_and_finish_while_the_audit_chain_is_locked() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> typed = new ArrayList<>();
        for (int account = 0; account < ATTEMPTS / PER_ACCOUNT; account++) {
            String email = "burst-" + run + "-" + account + "@example.com";
            SystemTask.run(() -> customers.create(email, "Burst", "Tester", null, "right-password-1"));
            for (int i = 0; i < PER_ACCOUNT; i++) {
                typed.add(email);
            }
        }
        while (typed.size() < ATTEMPTS) {
            typed.add("burst-" + run + "-nobody-" + typed.size() + "@example.com");
        }
        CountingEncoder counting = new CountingEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(new SignInAuthenticationProvider(users, counting, lockout, secondFactors));
        manager.setAuthenticationEventPublisher(events);  // so the sign-in auditor hears the failures, as in the app
        // The provider's dummy hash, made once on another thread as it is built, is no sign-in's cost.
        Polling.within(Duration.ofSeconds(30), () -> counting.hashes.get() == 1);
        counting.hashes.set(0);

        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CompletableFuture<Void> chained;
        List<Future<Throwable>> outcomes = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement();
                 ResultSet head = lock.executeQuery("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")) {
                assertThat(head.next()).isTrue();
            }
            CountDownLatch start = new CountDownLatch(1);
            for (String name : typed) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return catchThrowable(() -> manager.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong-password-1")));
                }));
            }
            start.countDown();
            pool.shutdown();
            // Generous for a loaded two-core machine (50 hashes); a sign-in that touched the chain would wait for
            // the lock held here, and fail after InnoDB's 50 s lock wait, or not finish at all.
            assertThat(pool.awaitTermination(180, TimeUnit.SECONDS)).as("all sign-ins finished while the chain was locked")
                    .isTrue();
            // The lock held all along: an event for the chain still waits for it.
            chained = CompletableFuture.runAsync(() -> audit.record("burst-probe-" + run, Role.SYSTEM, null, null, null,
                    AuditAction.LOGIN_SUCCEEDED, "probe of the chain lock"));
            assertThat(catchThrowable(() -> chained.get(2, TimeUnit.SECONDS))).isInstanceOf(TimeoutException.class);
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
        chained.get(30, TimeUnit.SECONDS);

        for (Future<Throwable> outcome : outcomes) {
            assertThat(outcome.get()).isInstanceOf(BadCredentialsException.class)
                    .hasMessage(SignInAuthenticationProvider.REFUSED);
        }
        assertThat(counting.hashes.get()).as("password hashes for " + ATTEMPTS + " sign-ins").isEqualTo(ATTEMPTS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_failures WHERE typed_name LIKE ?", Integer.class,
                "burst-" + run + "-%")).isEqualTo(ATTEMPTS);
    }

    /** The application's encoder, counting every hash it computes. */
    static final class CountingEncoder implements PasswordEncoder {

        final AtomicInteger hashes = new AtomicInteger();
        private final PasswordEncoder real;

        CountingEncoder(PasswordEncoder real) {
            this.real = real;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            hashes.incrementAndGet();
            return real.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            hashes.incrementAndGet();
            return real.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return real.upgradeEncoding(encodedPassword);
        }
    }
}
