package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The second factor (decision 018): an authenticator app (TOTP) with single-use recovery codes. Required of
 * staff and admins, optional for customers. After the password such a person holds only
 * {@link Role#FACTOR_PENDING} (see {@link SignInAuthenticationProvider}); a right code here replaces that with
 * their roles and a {@code FACTOR_TOTP} factor authority, in the security context that {@code contextSaver}
 * stores in the HTTP session (as {@link PreviewService} does).
 */
@Service
public class SecondFactorService {

    /** The factor authority a verified code adds, next to Spring's {@code FACTOR_PASSWORD}. */
    public static final String TOTP_FACTOR = "FACTOR_TOTP";
    public static final int RECOVERY_CODES = 10;
    /** Wrong codes in a row after which the sign-in ends and starts over with the password. */
    public static final int MAX_WRONG_CODES = 5;
    static final String STAFF = "STAFF";
    static final String CUSTOMER = "CUSTOMER";
    static final String RESET_SUBJECT = "Your second sign-in step was reset";
    private static final int SECRET_BYTES = 20;

    public enum Outcome { VERIFIED, WRONG_CODE, TOO_MANY_WRONG_CODES }

    /** What the enrolment page shows once: the secret to type in and the address a QR code carries. */
    public record Enrolment(String secret, String otpauthUri) {
        @Override
        public String toString() {
            return "Enrolment[hidden]";
        }
    }

    /** The result of the first code: on success the recovery codes, shown this once and never again. */
    public record Confirmation(boolean confirmed, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "Confirmation[" + confirmed + "]";
        }
    }

    public record FactorStatus(boolean on, int recoveryCodesLeft) {
    }

    public record StaffFactor(long staffId, String email, String name, String role, boolean on) {
    }

    private final SecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final SecondFactorCipher cipher;
    private final StaffUserRepository staff;
    private final CustomerLogins customers;
    private final AuditService audit;
    private final Mailer mailer;
    private final SettingsService settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SignInLockout lockout;
    /**
     * Codes follow real time, as the person's phone does, never the business clock (which demo and test
     * runs set to another day).
     */
    private Clock codeClock = Clock.systemUTC();

    SecondFactorService(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes, SecondFactorCipher cipher,
                        StaffUserRepository staff, CustomerLogins customers, AuditService audit, Mailer mailer,
                        SettingsService settings, Clock clock, SignInLockout lockout) {
        this.lockout = lockout;
        this.factors = factors;
        this.recoveryCodes = recoveryCodes;
        this.cipher = cipher;
        this.staff = staff;
        this.customers = customers;
        this.audit = audit;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** For tests of the time window only. */
    void useCodeClock(Clock clock) {
        this.codeClock = clock;
    }

    /** Whether the signed-in person passed the password and still owes the second factor. */
    public static boolean pending(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.FACTOR_PENDING).equals(a.getAuthority()));
    }

    /** Whether a person who passed the password owes the second factor: staff always, customers once they turned it on. */
    boolean requiredOf(PortalUser user) {
        return !user.isCustomer() || factors.isConfirmed(CUSTOMER, user.id());
    }

    /** True when the pending person has no factor yet (staff at their first sign-in or after a reset). */
    @PreAuthorize("hasRole('FACTOR_PENDING')")
    @Transactional(readOnly = true)
    public boolean mustEnrol() {
        PortalUser me = me();
        return !factors.isConfirmed(kind(me), me.id());
    }

    /** Staff (or a customer who had one) without a factor, right after the password: a new secret for the app. */
    @PreAuthorize("hasRole('FACTOR_PENDING')")
    @Transactional
    public Enrolment startEnrolment() {
        return start(me());
    }

    /** A signed-in customer turning the factor on. */
    @ChangesCustomerState
    @Transactional
    public Enrolment startCustomerEnrolment() {
        return start(me());
    }

    @PreAuthorize("hasRole('FACTOR_PENDING')")
    @Transactional
    public Confirmation confirmEnrolment(String code, Consumer<SecurityContext> contextSaver) {
        return confirm(me(), code, contextSaver);
    }

    @ChangesCustomerState
    @Transactional
    public Confirmation confirmCustomerEnrolment(String code, Consumer<SecurityContext> contextSaver) {
        return confirm(me(), code, contextSaver);
    }

    private Enrolment start(PortalUser me) {
        SecondFactor factor = factors.lockByOwner(kind(me), me.id()).orElse(null);
        if (factor != null && factor.confirmed()) {
            // Else the password alone could swap in an attacker's app.
            throw new AccessDeniedException("A second factor is already set up");
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String sealed = cipher.encrypt(secret, owner(me));
        if (factor == null) {
            factors.save(new SecondFactor(kind(me), me.id(), sealed, clock.instant()));
        } else {
            factor.replaceSecret(sealed, clock.instant());
        }
        String base32 = Base32.encode(secret);
        return new Enrolment(base32, Totp.otpauthUri(settings.current().lenderName(), me.email(), base32));
    }

    private Confirmation confirm(PortalUser me, String code, Consumer<SecurityContext> contextSaver) {
        SecondFactor factor = factors.lockByOwner(kind(me), me.id())
                .filter(f -> !f.confirmed())
                .orElseThrow(() -> new AccessDeniedException("No enrolment was started"));
        OptionalLong step = Totp.matchingStep(secretOf(factor, me), code, codeClock.instant(), factor.lastUsedStep());
        if (step.isEmpty()) {
            return new Confirmation(false, List.of());
        }
        factor.confirm(step.getAsLong(), clock.instant());
        List<String> codes = newRecoveryCodes(factor);
        record(me, me, AuditAction.SECOND_FACTOR_ENROLLED, "Authenticator app set up; " + RECOVERY_CODES + " recovery codes issued");
        completeSignIn(contextSaver);
        return new Confirmation(true, codes);
    }

    @PreAuthorize("hasRole('FACTOR_PENDING')")
    @Transactional
    public Outcome verify(String code, Consumer<SecurityContext> contextSaver) {
        PortalUser me = me();
        SecondFactor factor = confirmedFactorOf(me);
        if (signInLocked(me)) {
            return Outcome.TOO_MANY_WRONG_CODES;
        }
        OptionalLong step = Totp.matchingStep(secretOf(factor, me), code, codeClock.instant(), factor.lastUsedStep());
        if (step.isEmpty()) {
            return wrongCode(me, factor, "Wrong or reused code");
        }
        factor.accepted(step.getAsLong());
        record(me, me, AuditAction.SECOND_FACTOR_VERIFIED, "Signed in with the authenticator app");
        completeSignIn(contextSaver);
        return Outcome.VERIFIED;
    }

    @PreAuthorize("hasRole('FACTOR_PENDING')")
    @Transactional
    public Outcome useRecoveryCode(String code, Consumer<SecurityContext> contextSaver) {
        PortalUser me = me();
        SecondFactor factor = confirmedFactorOf(me);
        if (signInLocked(me)) {
            return Outcome.TOO_MANY_WRONG_CODES;
        }
        RecoveryCode match = recoveryCodes.findBySecondFactorIdAndCodeHash(factor.id(), hash(code))
                .filter(c -> !c.used()).orElse(null);
        if (match == null) {
            return wrongCode(me, factor, "Wrong or used recovery code");
        }
        match.use(clock.instant());
        factor.recoveryCodeAccepted();
        recoveryCodes.flush();
        int left = recoveryCodes.countUnused(factor.id());
        record(me, me, AuditAction.SECOND_FACTOR_RECOVERY_CODE_USED, "Signed in with a recovery code; " + left + " left");
        completeSignIn(contextSaver);
        return Outcome.VERIFIED;
    }

    @PreAuthorize("hasRole('CUSTOMER') and !hasRole('PREVIEW')")
    @Transactional(readOnly = true)
    public FactorStatus myStatus() {
        PortalUser me = me();
        return factors.findByOwnerKindAndOwnerId(CUSTOMER, me.id()).filter(SecondFactor::confirmed)
                .map(f -> new FactorStatus(true, recoveryCodes.countUnused(f.id())))
                .orElse(new FactorStatus(false, 0));
    }

    /** A customer turns the factor off with a current code from the app. */
    @ChangesCustomerState
    @Transactional
    public boolean turnOff(String code) {
        PortalUser me = me();
        SecondFactor factor = confirmedFactorOf(me);
        if (signInLocked(me)) {
            return false;
        }
        if (Totp.matchingStep(secretOf(factor, me), code, codeClock.instant(), factor.lastUsedStep()).isEmpty()) {
            wrongCode(me, factor, "Wrong code when turning the second factor off");
            return false;
        }
        remove(factor);
        record(me, me, AuditAction.SECOND_FACTOR_TURNED_OFF, "Second factor turned off by the customer");
        return true;
    }

    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    @Transactional(readOnly = true)
    public boolean customerHasFactor(long customerId) {
        return factors.isConfirmed(CUSTOMER, customerId);
    }

    /**
     * Staff remove a customer's factor (a lost phone, no recovery codes left) after checking who is calling.
     * Audited, and the customer gets an email, so a reset they did not ask for does not go unnoticed.
     *
     * @return whether the customer had a factor
     */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    @Transactional
    public boolean resetCustomer(long customerId) {
        PortalUser customer = customers.findById(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer with id " + customerId));
        SecondFactor factor = factors.lockByOwner(CUSTOMER, customerId).orElse(null);
        if (factor == null) {
            return false;
        }
        remove(factor);
        record(me(), customer, AuditAction.SECOND_FACTOR_RESET, "Second factor of " + customer.email() + " reset by staff");
        WebsiteSettings website = settings.current();
        mailer.send(new OutgoingEmail(customer.email(), RESET_SUBJECT,
                "Hello " + customer.displayName() + ",\n\n"
                        + "At your request, " + website.lenderName() + " removed the authenticator app from your sign-in. "
                        + "You now sign in with your password alone; you can set the app up again under your profile.\n"
                        + "If you did not ask for this, call us at " + website.supportPhone() + " right away.\n\n"
                        + website.emailSignOff(), customerId));
        return true;
    }

    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    @Transactional(readOnly = true)
    public List<StaffFactor> staffFactors() {
        List<StaffUser> all = staff.findAll();
        Set<Long> on = Set.copyOf(factors.confirmedOwners(STAFF, all.stream().map(s -> s.toPortalUser().id()).toList()));
        return all.stream().map(StaffUser::toPortalUser)
                .map(u -> new StaffFactor(u.id(), u.email(), u.displayName(), u.role(), on.contains(u.id())))
                .sorted(java.util.Comparator.comparing(StaffFactor::email)).toList();
    }

    /** An admin removes a staff member's factor; they set up a new one at their next sign-in. */
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    @Transactional
    public void resetStaff(long staffId) {
        PortalUser member = staff.findById(staffId).map(StaffUser::toPortalUser)
                .orElseThrow(() -> new IllegalArgumentException("No staff user with id " + staffId));
        factors.lockByOwner(STAFF, staffId).ifPresent(this::remove);
        record(me(), member, AuditAction.SECOND_FACTOR_RESET, "Second factor of staff member " + member.email() + " reset by an admin");
    }

    /** Demo data: a fixed, published secret for a demo staff login, so a newcomer can add it to an app. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void installDemoFactor(String staffEmail, String base32Secret) {
        PortalUser member = staff.findByEmailIgnoreCase(staffEmail).map(StaffUser::toPortalUser)
                .orElseThrow(() -> new IllegalArgumentException("No staff user " + staffEmail));
        SecondFactor factor = new SecondFactor(STAFF, member.id(), cipher.encrypt(Base32.decode(base32Secret), owner(member)), clock.instant());
        factor.confirm(Long.MIN_VALUE, clock.instant());
        factors.save(factor);
    }

    /**
     * A wrong code also counts as a failed sign-in of the account (decision 017): five per sign-in end that
     * sign-in, and ten failures of either kind in 30 minutes lock the account and email its owner, so signing in
     * again and again with a stolen password buys no more than ten guesses at the code per lock.
     */
    private Outcome wrongCode(PortalUser me, SecondFactor factor, String detail) {
        int wrong = factor.wrongCode();
        record(me, me, AuditAction.SECOND_FACTOR_WRONG_CODE, detail + " (" + wrong + " of " + MAX_WRONG_CODES + ")");
        lockout.recordFailure(me.email(), me, null, SignInLockout.Reason.WRONG_CODE);
        if (wrong >= MAX_WRONG_CODES || signInLocked(me)) {
            factor.clearFailures();
            return Outcome.TOO_MANY_WRONG_CODES;
        }
        return Outcome.WRONG_CODE;
    }

    private List<String> newRecoveryCodes(SecondFactor factor) {
        recoveryCodes.deleteByFactor(factor.id());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            // 12 base32 characters, 60 random bits, in groups of four: easy to copy onto paper.
            String raw = Base32.encode(bytes).substring(0, 12).toLowerCase(Locale.ROOT);
            String code = raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
            codes.add(code);
            recoveryCodes.save(new RecoveryCode(factor.id(), hash(code)));
        }
        return List.copyOf(codes);
    }

    /**
     * SHA-256 without salt is enough here: each code holds 60 random bits, so there is no dictionary to try,
     * and a slow hash would make each attempt check ten codes slowly.
     */
    static String hash(String code) {
        String normalized = code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void remove(SecondFactor factor) {
        recoveryCodes.deleteByFactor(factor.id());
        factors.delete(factor);
        factors.flush();
    }

    private SecondFactor confirmedFactorOf(PortalUser me) {
        return factors.lockByOwner(kind(me), me.id()).filter(SecondFactor::confirmed)
                .orElseThrow(() -> new AccessDeniedException("No second factor is set up"));
    }

    private byte[] secretOf(SecondFactor factor, PortalUser me) {
        return cipher.decrypt(factor.secretCipher(), owner(me));
    }

    /**
     * Replaces the sign-in with one that holds the person's roles and both factors: Spring's
     * {@code FACTOR_PASSWORD} from the first step and {@link #TOTP_FACTOR} from this one.
     */
    private void completeSignIn(Consumer<SecurityContext> contextSaver) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        PortalUser me = (PortalUser) current.getPrincipal();
        if (!me.isCustomer()) {
            // The Users page shows when each staff member last signed in.
            staff.findById(me.id()).ifPresent(user -> user.signedIn(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
        List<GrantedAuthority> authorities = new ArrayList<>(me.getAuthorities());
        current.getAuthorities().stream()
                .filter(a -> a.getAuthority().startsWith("FACTOR_") && !TOTP_FACTOR.equals(a.getAuthority()))
                .forEach(authorities::add);
        authorities.add(FactorGrantedAuthority.withAuthority(TOTP_FACTOR).issuedAt(Instant.now(codeClock)).build());
        UsernamePasswordAuthenticationToken complete = UsernamePasswordAuthenticationToken.authenticated(me, null, authorities);
        complete.setDetails(current.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(complete);
        SecurityContextHolder.setContext(context);
        contextSaver.accept(context);
    }

    private static PortalUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalUser user) || auth instanceof PreviewAuthentication) {
            throw new AccessDeniedException("Nobody is signed in");
        }
        return user;
    }

    private static String kind(PortalUser user) {
        return user.isCustomer() ? CUSTOMER : STAFF;
    }

    private static String owner(PortalUser user) {
        return kind(user) + ":" + user.id();
    }

    private boolean signInLocked(PortalUser me) {
        return lockout.lockedUntil(SignInLockout.Account.of(me)).isPresent();
    }

    /**
     * Within the caller's transaction when there is one: that transaction holds the factor's row lock and a
     * connection, and asking the pool for a second one while holding both lets a burst of requests drain it.
     */
    private void record(PortalUser actor, PortalUser subject, AuditAction action, String detail) {
        boolean customer = subject.isCustomer();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            audit.recordWithin(actor.email(), actor.role(), customer ? subject.id() : null,
                    customer ? subject.email() : null, null, action, detail);
        } else {
            audit.record(actor.email(), actor.role(), customer ? subject.id() : null, customer ? subject.email() : null,
                    null, action, detail);
        }
    }
}
