package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.notification.PortalLinks;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Staff and admin users (decision 027): admins list them, add an invited one (the activation link itself is sent
 * by {@code access}), change a role between staff and admin, deactivate and reactivate. The last active admin
 * can be neither demoted nor deactivated: every change that could take an admin away first locks all admin rows,
 * so two admins demoting each other at once run one after the other and the second is refused. An admin never
 * deactivates their own account. A new role or a deactivation ends the person's sessions on every node
 * ({@code sessions_valid_after}, {@link SignInSessions}). Records returned carry no password nor hash.
 */
@Service
public class StaffDirectory {

    /** Form fields a refusal can belong to. */
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String ROLE = "role";
    public static final int MAX_NAME = 120;
    public static final int MAX_EMAIL = 160;
    /** The roles a staff user can hold. */
    public static final List<String> ROLES = List.of(Role.STAFF, Role.ADMIN);

    static final String ROLE_CHANGED_SUBJECT = "Your role in the staff console changed";
    static final String DEACTIVATED_SUBJECT = "Your staff console access was switched off";
    static final String REACTIVATED_SUBJECT = "Your staff console access is back";
    static final String LAST_ADMIN = "This is the last active admin: make someone else an admin first.";
    static final String NOT_YOURSELF = "You cannot deactivate your own account: ask another admin.";

    /** One address: no list, display-name or header syntax (what the outbox would refuse), a dot in the domain. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\]+@[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\.]+(\\.[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\.]+)+");

    private final StaffUserRepository repository;
    private final SecondFactorRepository factors;
    private final CustomerLogins customers;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Mailer mailer;
    private final SettingsService settings;
    private final PortalLinks links;
    private final Clock clock;

    StaffDirectory(StaffUserRepository repository, SecondFactorRepository factors, CustomerLogins customers,
                   PasswordEncoder passwordEncoder, CurrentUser currentUser, AuditService audit, Mailer mailer,
                   SettingsService settings, PortalLinks links, Clock clock) {
        this.links = links;
        this.repository = repository;
        this.factors = factors;
        this.customers = customers;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** A staff user with a password, for demo data and tests; an admin adds people by invitation. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN','SYSTEM')")
    public long create(String email, String displayName, String role, String rawPassword) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Staff role must be STAFF or ADMIN");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (repository.existsByEmailIgnoreCase(normalized)) {
            throw new IllegalArgumentException("A staff user with this email already exists");
        }
        StaffUser user = new StaffUser(normalized, passwordEncoder.encode(rawPassword), displayName, role, clock.instant());
        return repository.save(user).id();
    }

    /** Whether a staff member signs in with this email (a customer may not take it: one address, one sign-in). */
    @Transactional(readOnly = true)
    public boolean emailInUse(String email) {
        return email != null && repository.existsByEmailIgnoreCase(email.trim());
    }

    /** Every staff and admin user, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public List<StaffMember> members() {
        List<StaffUser> all = repository.listed();
        Set<Long> enrolled = Set.copyOf(factors.confirmedOwners(SecondFactorService.STAFF,
                all.stream().map(StaffUser::id).toList()));
        return all.stream().map(user -> member(user, enrolled.contains(user.id()))).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember member(long staffId) {
        StaffUser user = find(staffId);
        return member(user, factors.isConfirmed(SecondFactorService.STAFF, staffId));
    }

    /**
     * Adds a staff member who has no password yet, to be sent an activation link in the same transaction (the
     * caller, {@code access}'s staff invitations, does). Name, email and role are checked here, whatever the form did.
     *
     * @throws StaffChangeRefusedException naming the field, when one cannot be used
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember addInvited(String name, String email, String role) {
        PortalUser actor = actingAdmin();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new StaffChangeRefusedException(NAME, "Enter the person's name (at most " + MAX_NAME + " characters).");
        }
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > MAX_EMAIL || !ADDRESS.matcher(address).matches()
                || address.startsWith(".") || address.endsWith(".")) {
            throw new StaffChangeRefusedException(EMAIL, "Enter an email address like name@example.com.");
        }
        checkRole(role);
        if (repository.existsByEmailIgnoreCase(address)) {
            throw new StaffChangeRefusedException(EMAIL, "A staff user with this email already exists.");
        }
        if (customers.findByEmail(address).isPresent()) {
            throw new StaffChangeRefusedException(EMAIL, "A customer signs in with this email: use the person's work address.");
        }
        StaffUser user = repository.save(StaffUser.invited(address, cleanName, role, now()));
        record(actor, AuditAction.STAFF_MEMBER_INVITED, "Invited " + address + " as " + roleName(role));
        return member(user, false);
    }

    /**
     * Marks that a new activation link went out to a staff member who is still invited (the caller sends it).
     *
     * @throws StaffChangeRefusedException when the person already set a password or was deactivated
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember invitationResent(long staffId) {
        actingAdmin();
        StaffUser user = repository.lockById(staffId).orElseThrow(() -> unknown(staffId));
        if (user.status() != StaffStatus.INVITED) {
            throw new StaffChangeRefusedException(null, user.email() + " is " + user.status().label().toLowerCase(Locale.ROOT)
                    + ": only someone still invited is sent a new link.");
        }
        user.invitationSent(now());
        return member(user, false);
    }

    /**
     * Makes a staff member an admin or an admin a staff member. Their sessions end (a session keeps the role it
     * signed in with), and they are emailed.
     *
     * @throws StaffChangeRefusedException when it would demote the last active admin
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember changeRole(long staffId, String role) {
        checkRole(role);
        List<StaffUser> admins = repository.lockAdmins();
        PortalUser actor = actingAdmin(admins);
        StaffUser user = repository.lockById(staffId).orElseThrow(() -> unknown(staffId));
        if (role.equals(user.role())) {
            return member(user);
        }
        if (user.activeAdmin() && noOtherActiveAdmin(admins, user)) {
            throw new StaffChangeRefusedException(ROLE, LAST_ADMIN);
        }
        String before = user.role();
        user.changeRole(role, now());
        record(actor, AuditAction.STAFF_ROLE_CHANGED, "Role of " + user.email() + " changed from "
                + roleName(before) + " to " + roleName(role));
        if (user.status() != StaffStatus.DEACTIVATED) {
            email(user, ROLE_CHANGED_SUBJECT, "your role in the " + settings.current().lenderName()
                    + " staff console changed from " + roleName(before) + " to " + roleName(role) + ". "
                    + "You were signed out; sign in again to work with the new role.");
        }
        return member(user);
    }

    /**
     * Switches off a staff member's access: they can no longer sign in, every session of theirs ends at its next
     * request on every node, and they are emailed. An admin cannot deactivate themselves.
     *
     * @throws StaffChangeRefusedException for one's own account and for the last active admin
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember deactivate(long staffId) {
        List<StaffUser> admins = repository.lockAdmins();
        PortalUser actor = actingAdmin(admins);
        StaffUser user = repository.lockById(staffId).orElseThrow(() -> unknown(staffId));
        if (user.status() == StaffStatus.DEACTIVATED) {
            return member(user);
        }
        if (user.id() == actor.id()) {
            throw new StaffChangeRefusedException(null, NOT_YOURSELF);
        }
        if (user.activeAdmin() && noOtherActiveAdmin(admins, user)) {
            throw new StaffChangeRefusedException(null, LAST_ADMIN);
        }
        user.deactivate(now());
        record(actor, AuditAction.STAFF_MEMBER_DEACTIVATED, "Deactivated " + user.email() + " ("
                + roleName(user.role()) + "); their sessions end");
        email(user, DEACTIVATED_SUBJECT, "your access to the " + settings.current().lenderName()
                + " staff console was switched off and you were signed out. If you think this is a mistake, ask an admin.");
        return member(user);
    }

    /** Gives a deactivated staff member their access back, with the role they had; they are emailed. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember reactivate(long staffId) {
        PortalUser actor = actingAdmin(repository.lockAdmins());
        StaffUser user = repository.lockById(staffId).orElseThrow(() -> unknown(staffId));
        if (user.status() != StaffStatus.DEACTIVATED) {
            return member(user);
        }
        user.reactivate();
        record(actor, AuditAction.STAFF_MEMBER_REACTIVATED, "Reactivated " + user.email() + " ("
                + roleName(user.role()) + ")");
        if (user.status() == StaffStatus.ACTIVE) {
            email(user, REACTIVATED_SUBJECT, "your access to the " + settings.current().lenderName()
                    + " staff console is back, as " + roleName(user.role()) + ". Sign in at " + links.to("login") + ".");
        }
        return member(user);
    }

    /** The staff member still invited under this email, for the activation link. SYSTEM work: it answers for any email. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('SYSTEM')")
    public Optional<StaffMember> invited(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return repository.findByEmailIgnoreCase(address).filter(user -> user.status() == StaffStatus.INVITED)
                .map(user -> member(user, false));
    }

    /**
     * Sets the first password of a staff member from their activation link (the caller checked the policy and
     * redeemed the link in the same transaction). They sign in next and set up their second factor.
     *
     * @throws IllegalStateException when they are no longer invited
     */
    @Transactional
    @PreAuthorize("hasRole('SYSTEM')")
    public void activate(long staffId, String passwordHash) {
        StaffUser user = repository.lockById(staffId).orElseThrow(() -> unknown(staffId));
        if (user.status() != StaffStatus.INVITED) {
            throw new IllegalStateException("Staff user " + staffId + " is not invited");
        }
        user.activate(passwordHash);
        audit.recordWithin(user.email(), user.role(), null, null, null, AuditAction.STAFF_MEMBER_ACTIVATED,
                "Activation link used: first password set; the second factor is set up at the first sign-in");
    }

    private boolean noOtherActiveAdmin(List<StaffUser> lockedAdmins, StaffUser leaving) {
        return lockedAdmins.stream().noneMatch(admin -> admin.id() != leaving.id() && admin.activeAdmin());
    }

    private PortalUser actingAdmin() {
        PortalUser actor = currentUser.actor().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
        if (repository.findById(actor.id()).filter(StaffUser::activeAdmin).isEmpty()) {
            throw new AccessDeniedException("Only an active admin may change staff users");
        }
        return actor;
    }

    /**
     * The signed-in admin, who must still be an active admin in the locked rows: a session keeps its role until
     * its next request, so an admin demoted a moment ago by another cannot use the request still in flight.
     */
    private PortalUser actingAdmin(List<StaffUser> lockedAdmins) {
        PortalUser actor = currentUser.actor().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
        if (lockedAdmins.stream().noneMatch(admin -> admin.id() == actor.id() && admin.activeAdmin())) {
            throw new AccessDeniedException("Only an active admin may change staff users");
        }
        return actor;
    }

    private static void checkRole(String role) {
        if (role == null || !ROLES.contains(role)) {
            throw new StaffChangeRefusedException(ROLE, "Choose Staff or Admin.");
        }
    }

    private StaffUser find(long staffId) {
        return repository.findById(staffId).orElseThrow(() -> unknown(staffId));
    }

    private static IllegalArgumentException unknown(long staffId) {
        return new IllegalArgumentException("No staff user with id " + staffId);
    }

    private StaffMember member(StaffUser user) {
        return member(user, factors.isConfirmed(SecondFactorService.STAFF, user.id()));
    }

    private static StaffMember member(StaffUser user, boolean enrolled) {
        return new StaffMember(user.id(), user.displayName(), user.email(), user.role(), user.status(), enrolled,
                user.lastSignedInAt(), user.invitedAt());
    }

    /** "staff" or "admin", as the emails and the audit say it. */
    public static String roleName(String role) {
        return Role.ADMIN.equals(role) ? "admin" : "staff";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void record(PortalUser actor, AuditAction action, String detail) {
        audit.recordWithin(actor.email(), actor.role(), null, null, null, action, detail);
    }

    private void email(StaffUser user, String subject, String text) {
        WebsiteSettings website = settings.current();
        mailer.send(new OutgoingEmail(user.email(), subject, "Hello " + user.displayName() + ",\n\n"
                + Character.toUpperCase(text.charAt(0)) + text.substring(1) + "\n\n" + website.emailSignOff(), null));
    }
}
