package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Staff and admin users on MariaDB (decision 027): roles, deactivation, the last-admin rule under concurrency. */
class StaffDirectoryTest extends ServiceTest {

    static final String PASSWORD = "steady lantern over the river";

    @Autowired
    StaffDirectory directory;
    @Autowired
    SignInSessions sessions;
    @Autowired
    SignInAuthenticationProvider passwordStep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Two threads of their own: the common fork-join pool has a single worker on a two-core machine, which would
     * run the two sides of a race one after the other.
     */
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    /** Admins switched off for a test that needs to know exactly who the active admins are; switched back after. */
    private final List<Long> parked = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @AfterEach
    void restoreParkedAdmins() {
        parked.forEach(id -> jdbc.sql("update staff_users set active = true where id = :id").param("id", id).update());
        parked.clear();
    }

    @Test
    void an_admin_sees_every_staff_user_without_any_password_or_hash() {
        SignIn.as(users, "admin@example.com");
        List<StaffMember> members = directory.members();
        assertThat(members).extracting(StaffMember::email).contains("admin@example.com", "staff@example.com");
        StaffMember admin = members.stream().filter(m -> m.email().equals("admin@example.com")).findFirst().orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.status()).isEqualTo(StaffStatus.ACTIVE);
        assertThat(admin.secondFactorEnrolled()).as("the demo admin has the published demo factor").isTrue();
        assertThat(Arrays.stream(StaffMember.class.getRecordComponents()).map(RecordComponent::getName)
                .map(n -> n.toLowerCase(Locale.ROOT))).noneMatch(n -> n.contains("password") || n.contains("hash"));
        String hash = jdbc.sql("select password_hash from staff_users where email = 'admin@example.com'").query(String.class).single();
        assertThat(members.toString()).doesNotContain(hash);
    }

    @Test
    void a_staff_member_who_is_not_an_admin_is_refused_every_read_and_change() {
        long other = staff("refused", Role.STAFF);
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> directory.members()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.member(other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.addInvited("New Person", unique("new"), Role.STAFF)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.changeRole(other, Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.deactivate(other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.reactivate(other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.invitationResent(other)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.invited("someone@example.com")).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "admin@example.com");
        assertThat(directory.member(other).role()).isEqualTo(Role.STAFF);
        assertThat(directory.member(other).status()).isEqualTo(StaffStatus.ACTIVE);
    }

    @Test
    void a_new_role_is_audited_emailed_and_ends_the_persons_sessions() throws Exception {
        long id = staff("promoted", Role.STAFF);
        String email = emailOf(id);
        PortalUser before = (PortalUser) users.loadUserByUsername(email);
        MockHttpSession session = session(sessions.now().minusSeconds(60));
        assertThat(sessions.outdated(session, before)).isFalse();

        SignIn.as(users, "admin@example.com");
        StaffMember promoted = directory.changeRole(id, Role.ADMIN);

        assertThat(promoted.role()).isEqualTo(Role.ADMIN);
        assertThat(((PortalUser) users.loadUserByUsername(email)).getAuthorities()).extracting(Object::toString)
                .contains("ROLE_ADMIN");
        assertThat(sessions.outdated(session, before)).as("a session keeps the role it signed in with, so it ends").isTrue();
        assertThat(audited(email)).contains("STAFF_ROLE_CHANGED");
        assertThat(awaitMail(email, StaffDirectory.ROLE_CHANGED_SUBJECT)).contains("from staff to admin");

        directory.changeRole(id, Role.STAFF);
        assertThat(directory.member(id).role()).isEqualTo(Role.STAFF);
    }

    @Test
    void a_role_that_is_neither_staff_nor_admin_is_refused_beside_the_role() {
        long id = staff("oddrole", Role.STAFF);
        SignIn.as(users, "admin@example.com");
        assertThatThrownBy(() -> directory.changeRole(id, Role.CUSTOMER))
                .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e.field()).isEqualTo(StaffDirectory.ROLE));
        assertThatThrownBy(() -> directory.changeRole(id, null)).isInstanceOf(StaffChangeRefusedException.class);
        assertThat(directory.member(id).role()).isEqualTo(Role.STAFF);
    }

    @Test
    void deactivation_refuses_sign_in_ends_sessions_everywhere_and_reactivation_gives_access_back() throws Exception {
        long id = staff("leaver", Role.STAFF);
        String email = emailOf(id);
        PortalUser before = (PortalUser) users.loadUserByUsername(email);
        MockHttpSession session = session(sessions.now().minusSeconds(60));
        assertThat(SignIn.passwordOnly(passwordStep, email, PASSWORD).isAuthenticated()).isTrue();

        SignIn.as(users, "admin@example.com");
        StaffMember gone = directory.deactivate(id);

        assertThat(gone.status()).isEqualTo(StaffStatus.DEACTIVATED);
        assertThat(sessions.outdated(session, before)).as("the session on any node ends at its next request").isTrue();
        assertThatThrownBy(() -> SignIn.passwordOnly(passwordStep, email, PASSWORD)).isInstanceOf(BadCredentialsException.class);
        assertThat(awaitMail(email, StaffDirectory.DEACTIVATED_SUBJECT)).contains("switched off");
        SignIn.as(users, "admin@example.com");
        assertThat(directory.deactivate(id).status()).as("deactivating again changes nothing").isEqualTo(StaffStatus.DEACTIVATED);

        StaffMember back = directory.reactivate(id);
        assertThat(back.status()).isEqualTo(StaffStatus.ACTIVE);
        assertThat(back.role()).isEqualTo(Role.STAFF);
        assertThat(SignIn.passwordOnly(passwordStep, email, PASSWORD).isAuthenticated()).isTrue();
        assertThat(awaitMail(email, StaffDirectory.REACTIVATED_SUBJECT)).contains("is back");
        assertThat(audited(email)).containsSubsequence("STAFF_MEMBER_DEACTIVATED", "STAFF_MEMBER_REACTIVATED");
    }

    @Test
    void an_admin_cannot_deactivate_themselves() {
        long id = staff("selfish", Role.ADMIN);
        SignIn.as(users, emailOf(id));
        assertThatThrownBy(() -> directory.deactivate(id))
                .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e).hasMessage(StaffDirectory.NOT_YOURSELF));
        assertThat(directory.member(id).status()).isEqualTo(StaffStatus.ACTIVE);
    }

    @Test
    void the_last_active_admin_cannot_step_down_and_another_admin_may() {
        long alone = staff("alone", Role.ADMIN);
        onlyActiveAdmins(alone);
        SignIn.as(users, emailOf(alone));
        assertThatThrownBy(() -> directory.changeRole(alone, Role.STAFF))
                .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e).hasMessage(StaffDirectory.LAST_ADMIN));
        assertThat(directory.member(alone).role()).isEqualTo(Role.ADMIN);

        // An invited admin who never set a password cannot sign in, so does not count.
        long invited = directory.addInvited("Ivy Invited", unique("ivy"), Role.ADMIN).id();
        assertThatThrownBy(() -> directory.changeRole(alone, Role.STAFF)).isInstanceOf(StaffChangeRefusedException.class);
        directory.deactivate(invited);

        long second = staff("second", Role.ADMIN);
        assertThat(directory.changeRole(alone, Role.STAFF).role()).as("with another active admin it may").isEqualTo(Role.STAFF);
        SignIn.as(users, emailOf(second));
        assertThat(directory.member(alone).role()).isEqualTo(Role.STAFF);
    }

    @Test
    void an_admin_demoted_a_moment_ago_cannot_use_the_request_still_in_flight() {
        long first = staff("inflight1", Role.ADMIN);
        long second = staff("inflight2", Role.ADMIN);
        long target = staff("inflight3", Role.STAFF);
        PortalUser stale = SignIn.as(users, emailOf(second));
        SignIn.as(users, emailOf(first));
        directory.changeRole(second, Role.STAFF);
        // The second admin's session still carries ROLE_ADMIN until its next request ends it.
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(stale, null, stale.getAuthorities()));
        assertThatThrownBy(() -> directory.changeRole(target, Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.deactivate(target)).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, emailOf(first));
        assertThat(directory.member(target).role()).isEqualTo(Role.STAFF);
        assertThat(directory.member(target).status()).isEqualTo(StaffStatus.ACTIVE);
    }

    /**
     * Two admins demote each other at the same moment. The first holds the lock on the admin rows until it
     * commits; the second waits for it, then sees it is no longer an admin (and the first the last one) and is
     * refused. Without the lock both would read two admins and both succeed, leaving none.
     */
    @Test
    void two_admins_demoting_each_other_at_once_cannot_both_succeed() throws Exception {
        long a = staff("racea", Role.ADMIN);
        long b = staff("raceb", Role.ADMIN);
        onlyActiveAdmins(a, b);
        CountDownLatch firstChanged = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        CompletableFuture<StaffMember> first = CompletableFuture.supplyAsync(() -> as(emailOf(a), () ->
                transaction.execute(tx -> {
                    StaffMember demoted = directory.changeRole(b, Role.STAFF);
                    firstChanged.countDown();
                    await(mayCommit);
                    return demoted;
                })), threads);
        assertThat(firstChanged.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<StaffMember> second = CompletableFuture.supplyAsync(() -> as(emailOf(b),
                () -> directory.changeRole(a, Role.STAFF)), threads);

        assertThatThrownBy(() -> second.get(700, TimeUnit.MILLISECONDS)).as("waits for the first one's lock")
                .isInstanceOf(TimeoutException.class);
        mayCommit.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS).role()).isEqualTo(Role.STAFF);
        assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfAny(AccessDeniedException.class, StaffChangeRefusedException.class);

        SignIn.as(users, emailOf(a));
        assertThat(directory.member(a).role()).isEqualTo(Role.ADMIN);
        assertThat(directory.member(b).role()).isEqualTo(Role.STAFF);
    }

    /** The same race with deactivation: one admin always remains, whichever thread gets there first. */
    @Test
    void two_admins_deactivating_each_other_at_once_leave_one_active_admin() throws Exception {
        for (int round = 0; round < 5; round++) {
            long a = staff("deact" + round + "a", Role.ADMIN);
            long b = staff("deact" + round + "b", Role.ADMIN);
            onlyActiveAdmins(a, b);
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> as(emailOf(a), () -> tryTo(start, () -> directory.deactivate(b))), threads);
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> as(emailOf(b), () -> tryTo(start, () -> directory.deactivate(a))), threads);
            start.countDown();
            assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                    .as("exactly one of the two deactivations succeeds").containsExactlyInAnyOrder(true, false);
            Integer active = jdbc.sql("select count(*) from staff_users where id in (:a, :b) and active = true and role = 'ADMIN'")
                    .param("a", a).param("b", b).query(Integer.class).single();
            assertThat(active).isEqualTo(1);
            restoreParkedAdmins();
        }
    }

    private boolean tryTo(CountDownLatch start, Runnable change) {
        await(start);
        try {
            change.run();
            return true;
        } catch (StaffChangeRefusedException | AccessDeniedException refused) {
            return false;
        }
    }

    private <T> T as(String email, java.util.function.Supplier<T> work) {
        SignIn.as(users, email);
        try {
            return work.get();
        } finally {
            SignIn.out();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Switches off every other active admin for this test (restored after it). */
    private void onlyActiveAdmins(Long... keep) {
        List<Long> others = jdbc.sql("select id from staff_users where role = 'ADMIN' and active = true").query(Long.class).list()
                .stream().filter(id -> !Arrays.asList(keep).contains(id)).toList();
        others.forEach(id -> jdbc.sql("update staff_users set active = false where id = :id").param("id", id).update());
        parked.addAll(others);
    }

    private long staff(String tag, String role) {
        return SystemTask.call(() -> directory.create(unique(tag), "Test " + tag, role, PASSWORD));
    }

    private static String unique(String tag) {
        return tag + "-" + System.nanoTime() + "@staff.example.com";
    }

    private String emailOf(long id) {
        return jdbc.sql("select email from staff_users where id = :id").param("id", id).query(String.class).single();
    }

    private List<String> audited(String email) {
        return jdbc.sql("select action from audit_events where detail like :email order by id").param("email", "%" + email + "%")
                .query(String.class).list();
    }

    private static MockHttpSession session(Instant signedInAt) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SignInSessions.SIGNED_IN_AT, signedInAt);
        return session;
    }

    private static String awaitMail(String address, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : TestMailServer.server().getReceivedMessages()) {
                if (subject.equals(message.getSubject()) && Arrays.stream(message.getAllRecipients())
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    return String.valueOf(message.getContent());
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail '" + subject + "' to " + address);
    }
}
