package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.Dates;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts failed sign-ins per account and locks sign-in after too many (decision 017). A failure is one INSERT
 * into {@code sign_in_failures}, outside the audit chain, so a burst of guesses never queues on the chain head;
 * only a lock starting (here) and a lock lifted by staff ({@link SignInLocks}) go on the chain. Customers and
 * staff are both counted, each by their own id.
 */
@Component
class SignInLockout {

    /** Failed sign-ins of one account within {@link #window} that lock it. */
    static final int DEFAULT_MAX_FAILURES = 10;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    static final Duration DEFAULT_LOCK = Duration.ofMinutes(15);
    /** What is recorded instead of a typed user name that is not email-shaped: it may well be a password. */
    static final String NOT_AN_EMAIL = "(not an email)";
    static final String LOCK_EMAIL_SUBJECT = "Sign-in to your account is locked for now";

    private static final int MAX_TYPED_NAME = 160;
    private static final int MAX_CLIENT_ADDRESS = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Why a sign-in failed, for operators; the person signing in always gets the same answer. */
    /** Why an attempt failed; WRONG_CODE is a wrong second-factor code after the right password (decision 018). */
    enum Reason { WRONG_PASSWORD, UNKNOWN_ACCOUNT, LOCKED, NOT_ACTIVE, WRONG_CODE }

    /** A customer or a staff member: their ids come from different tables. */
    record Account(String kind, long id) {
        static final String CUSTOMER = "CUSTOMER";
        static final String STAFF = "STAFF";

        static Account of(PortalUser user) {
            return new Account(user.isCustomer() ? CUSTOMER : STAFF, user.id());
        }

        static Account customer(long customerId) {
            return new Account(CUSTOMER, customerId);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditService audit;
    private final AccessTokens tokens;
    private final Mailer mailer;
    private final SettingsService settings;
    private final Clock clock;
    private final SignInMetrics metrics;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;
    private final String publicUrl;

    SignInLockout(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditService audit, Mailer mailer,
                  SettingsService settings, Clock clock, AccessTokens tokens, SignInMetrics metrics,
                  @Value("${portal.sign-in.max-failures:" + DEFAULT_MAX_FAILURES + "}") int maxFailures,
                  @Value("${portal.sign-in.failure-window:30m}") Duration window,
                  @Value("${portal.sign-in.lock-duration:15m}") Duration lockDuration,
                  @Value("${portal.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.tokens = tokens;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockDuration = lockDuration;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    int maxFailures() {
        return maxFailures;
    }

    Duration window() {
        return window;
    }

    /** Until when sign-in of the account is locked; empty when it is not. */
    Optional<Instant> lockedUntil(Account account) {
        List<LocalDateTime> until = jdbc.queryForList("""
                SELECT locked_until FROM sign_in_locks WHERE account_kind = ? AND account_id = ? AND locked_until > ?""",
                LocalDateTime.class, account.kind(), account.id(), utc(clock.instant()));
        return until.stream().findFirst().map(SignInLockout::instant);
    }

    /** Failed sign-ins of the account within the window up to now, whatever their reason. */
    int recentFailures(Account account) {
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM sign_in_failures WHERE account_kind = ? AND account_id = ? AND attempted_at > ?""",
                Integer.class, account.kind(), account.id(), utc(clock.instant().minus(window)));
        return count == null ? 0 : count;
    }

    /**
     * Records a failed sign-in and, when it is the one that reaches the limit, locks the account. Each
     * statement commits on its own: the failure is visible to the count of every other node at once, and of
     * several sign-ins that all see the limit reached, the conditional update lets exactly one start the lock.
     *
     * @param user the account the typed name belongs to, or null when none does
     */
    void recordFailure(String typedName, PortalUser user, String clientAddress, Reason reason) {
        Instant now = clock.instant();
        Account account = user == null ? null : Account.of(user);
        jdbc.update("""
                INSERT INTO sign_in_failures (attempted_at, typed_name, account_kind, account_id, client_address, reason)
                VALUES (?, ?, ?, ?, ?, ?)""",
                utc(now), typedNameForLog(typedName), account == null ? null : account.kind(),
                account == null ? null : account.id(), clip(clientAddress, MAX_CLIENT_ADDRESS), reason.name());
        metrics.failed(reason);
        // Failures while locked do not extend the lock, and an account that cannot sign in anyway (invited,
        // disabled, locked by staff) gets no lock email.
        if (account == null || reason == Reason.LOCKED || !user.isEnabled() || !user.isAccountNonLocked()) {
            return;
        }
        int failures = countedFailures(account, now);
        if (failures >= maxFailures) {
            startLock(user, account, failures, now);
        }
    }

    /** Failures within the window after the last lock ended (or was lifted): those led to no lock yet. */
    private int countedFailures(Account account, Instant now) {
        Integer count = jdbc.queryForObject("""
                SELECT COUNT(*) FROM sign_in_failures f
                WHERE f.account_kind = ? AND f.account_id = ? AND f.attempted_at > ?
                  AND NOT EXISTS (SELECT 1 FROM sign_in_locks l WHERE l.account_kind = f.account_kind
                                  AND l.account_id = f.account_id AND l.locked_until >= f.attempted_at)""",
                Integer.class, account.kind(), account.id(), utc(now.minus(window)));
        return count == null ? 0 : count;
    }

    private void startLock(PortalUser user, Account account, int failures, Instant now) {
        Instant until = now.plus(lockDuration).truncatedTo(ChronoUnit.MILLIS);
        transaction.executeWithoutResult(status -> {
            int restarted = jdbc.update("""
                    UPDATE sign_in_locks SET locked_at = ?, locked_until = ?, failed_attempts = ?, lifted_at = NULL,
                        lifted_by = NULL
                    WHERE account_kind = ? AND account_id = ? AND locked_until <= ?""",
                    utc(now), utc(until), failures, account.kind(), account.id(), utc(now));
            if (restarted == 0 && !insertedFirstLock(account, failures, now, until)) {
                return;  // another sign-in, on this node or another, started this lock
            }
            String zoned = inLenderZone(until);
            audit.recordWithin(SystemTask.ACTOR, Role.SYSTEM, user.isCustomer() ? user.id() : null,
                    user.isCustomer() ? user.email() : null, null, AuditAction.LOGIN_LOCKED,
                    "Sign-in of " + user.email() + " (" + account.kind().toLowerCase(Locale.ROOT) + ") locked until "
                            + zoned + " after " + failures + " failed attempts in " + window.toMinutes() + " minutes");
            mailer.send(lockEmail(user, zoned));
        });
    }

    private boolean insertedFirstLock(Account account, int failures, Instant now, Instant until) {
        try {
            jdbc.update("""
                    INSERT INTO sign_in_locks (account_kind, account_id, locked_at, locked_until, failed_attempts)
                    VALUES (?, ?, ?, ?, ?)""", account.kind(), account.id(), utc(now), utc(until), failures);
            return true;
        } catch (DuplicateKeyException alreadyLocked) {
            return false;
        }
    }

    private OutgoingEmail lockEmail(PortalUser user, String until) {
        WebsiteSettings website = settings.current();
        String body = "Hello " + user.displayName() + ",\n\n"
                + "Someone, perhaps you, entered a wrong password for " + user.email() + " " + maxFailures
                + " times within " + window.toMinutes() + " minutes on the " + website.lenderName()
                + " website. To protect your account, sign-in is "
                + "locked until " + until + ". Nobody signed in.\n\n"
                + "If you have forgotten your password, you can choose a new one here:\n"
                + passwordResetLink(user) + "\n\n"
                + "If it was not you, your account is still safe; choosing a new password makes sure of it.\n\n"
                + website.emailSignOff();
        return new OutgoingEmail(user.email(), LOCK_EMAIL_SUBJECT, body, user.isCustomer() ? user.id() : null);
    }

    /**
     * Ends the account's sign-in lock because its owner chose a new password from an emailed link: the lock email
     * offers that link, and the owner could otherwise not sign in with the new password until the lock runs out.
     * Joins the caller's transaction. False when sign-in was not locked.
     */
    boolean endAfterPasswordReset(PortalUser user) {
        Account account = Account.of(user);
        Instant now = clock.instant();
        return jdbc.update("""
                UPDATE sign_in_locks SET locked_until = ?, lifted_at = ?, lifted_by = ?
                WHERE account_kind = ? AND account_id = ? AND locked_until > ?""",
                utc(now), utc(now), "password reset", account.kind(), account.id(), utc(now)) == 1;
    }

    /**
     * A single-use reset link for the owner (30 minutes, like one from "Forgot password"), issued in the lock's
     * transaction. The path is the access module's reset page (access.AccessNavigation.RESET_PASSWORD).
     */
    private String passwordResetLink(PortalUser user) {
        return publicUrl + "/reset-password?token=" + tokens.issue(TokenPurpose.PASSWORD_RESET, user.email()).getTokenValue();
    }

    /** A moment as the lender's customers read it: "9:15 AM EST on December 10, 2026". */
    String inLenderZone(Instant at) {
        return Dates.UNTIL.format(at.atZone(clock.getZone()));
    }

    /**
     * What logs and tables may keep of a typed user name: the name when it looks like an email address,
     * {@value #NOT_AN_EMAIL} otherwise, since people type their password into the email field.
     */
    static String typedNameForLog(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (name.length() > MAX_TYPED_NAME || !EMAIL.matcher(name).matches()) {
            return NOT_AN_EMAIL;
        }
        return name;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
