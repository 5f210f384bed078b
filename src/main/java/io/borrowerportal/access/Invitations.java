package io.borrowerportal.access;

import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerInvitations;
import io.borrowerportal.customer.CustomerStatus;
import io.borrowerportal.customer.InvitationRecord;
import io.borrowerportal.security.AccessTokens;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.StaffMember;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.security.TokenPurpose;
import io.borrowerportal.security.TokenState;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Staff invitations and the customer's activation: an emailed single-use link (7 days) to choose a first
 * password, which makes the customer ACTIVE. A borrower never invited asks for a link with a loan number and
 * the email on file; the answer is the same whether or not they match, and the link goes only to that email.
 */
@Service
public class Invitations {

    /** What the activation request page says, whatever matched. */
    public static final String REQUEST_ANSWER = "If these match an account, we sent a link to the email on file.";
    static final String ANONYMOUS = "ANONYMOUS";
    private static final int MAX_TYPED = 160;

    private final CustomerInvitations customers;
    private final AccessTokens tokens;
    private final AccountLookup accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccessEmails emails;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Invitations(CustomerInvitations customers, AccessTokens tokens, AccountLookup accounts, PasswordPolicy policy,
                PasswordEncoder encoder, AccessEmails emails, AuditService audit, CurrentUser currentUser,
                StaffDirectory staff, PlatformTransactionManager transactions, Clock clock) {
        this.staff = staff;
        this.customers = customers;
        this.tokens = tokens;
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.emails = emails;
        this.audit = audit;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The customer's access as the staff page shows it. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public InvitationStatus status(long customerId) {
        InvitationRecord customer = customers.byId(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer with id " + customerId));
        return status(customer);
    }

    /** Sends the customer a new activation link, retiring any earlier one. */
    @Transactional
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public InvitationStatus invite(long customerId) {
        InvitationRecord customer = customers.byId(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer with id " + customerId));
        if (customer.status() != CustomerStatus.INVITED) {
            throw new IllegalArgumentException("This customer has already activated their account.");
        }
        Instant sentAt = sendActivationLink(customer, "Invitation sent by staff");
        return new InvitationStatus(customerId, customer.status(), sentAt, sentAt.plus(TokenPurpose.ACTIVATION.lifetime()));
    }

    /** The customers the bulk invitation would reach: no password, and no activation link that is still good. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
    public List<Long> awaitingInvitation() {
        return customers.awaitingInvitation(clock.instant().minus(TokenPurpose.ACTIVATION.lifetime()));
    }

    /**
     * Invites each of these customers who has no password and no activation link that is still good (the bulk
     * invitation, and a future import); the others are skipped. Returns how many were sent a link.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
    public int inviteAll(Collection<Long> customerIds) {
        Instant stillGoodAfter = clock.instant().minus(TokenPurpose.ACTIVATION.lifetime());
        int sent = 0;
        for (long id : new LinkedHashSet<>(customerIds)) {
            Optional<InvitationRecord> customer = customers.byId(id).filter(c -> c.status() == CustomerStatus.INVITED
                    && (c.invitedAt() == null || !c.invitedAt().isAfter(stillGoodAfter)));
            if (customer.isPresent()) {
                sendActivationLink(customer.get(), "Invitation sent in bulk");
                sent++;
            }
        }
        return sent;
    }

    /**
     * A borrower asks for an activation link with a loan number and an email. Anyone may ask; the caller shows
     * {@link #REQUEST_ANSWER} whatever happened. An invited customer linked to that loan with that email on file
     * gets an activation link; an active one a note with a password-reset link; anything else nothing. Each case
     * does the same work (a link is issued and hashed, then rolled back when nobody matched) and answers after the
     * same fixed time ({@link EvenTiming}), so the time taken does not tell either.
     */
    public void requestActivation(String loanNumber, String email) {
        String typedEmail = clip(email);
        String typedLoan = clip(loanNumber).toUpperCase(Locale.ROOT);
        EvenTiming.run(() -> SystemTask.run(() -> {
            Request outcome = transaction.execute(tx -> {
                Optional<InvitationRecord> customer = customers.byEmail(typedEmail)
                        .filter(c -> onLoan(c.id(), typedLoan));
                if (customer.isPresent() && customer.get().status() == CustomerStatus.INVITED) {
                    sendActivationLink(customer.get(), "Activation link sent on request (loan " + typedLoan + ")");
                    return new Request(customer.get(), "Activation link sent to the email on file");
                }
                if (customer.isPresent() && customer.get().status() == CustomerStatus.ACTIVE) {
                    InvitationRecord active = customer.get();
                    OneTimeToken reset = tokens.issue(TokenPurpose.PASSWORD_RESET, active.email());
                    emails.alreadyActive(active.id(), active.name(), active.email(), reset.getTokenValue(), reset.getExpiresAt());
                    return new Request(active, "Already active: a note with a password-reset link sent to the email on file");
                }
                tokens.issue(TokenPurpose.ACTIVATION, typedEmail.isEmpty() ? "-" : typedEmail);
                tx.setRollbackOnly();
                return new Request(null, customer.isPresent() ? "Account locked: nothing sent" : "No match: nothing sent");
            });
            InvitationRecord who = outcome.customer();
            audit.record(who == null ? (typedEmail.isEmpty() ? "-" : typedEmail) : who.email(), who == null ? ANONYMOUS : Role.CUSTOMER,
                    who == null ? null : who.id(), who == null ? null : who.email(), null, AuditAction.ACTIVATION_REQUESTED,
                    outcome.detail());
        }));
    }

    /** What an activation link is now, without using it. */
    public TokenState linkState(String token) {
        TokenState state = tokens.state(TokenPurpose.ACTIVATION, token);
        if (state == TokenState.VALID && activatable(token).isEmpty()) {
            return TokenState.USED;
        }
        return state;
    }

    /** The email of the account an activation link is for (the password may not be it), while the link is good. */
    public Optional<String> linkEmail(String token) {
        return activatable(token).map(Invitee::email);
    }

    /**
     * Sets the first password from an activation link and makes the customer ACTIVE; they sign in next. The
     * password is checked before the link is used, so a refused password leaves the link good.
     *
     * @throws AccessLinkRefusedException when the link is used, expired or unknown
     * @throws IllegalArgumentException with the policy's words when the password may not be used
     */
    public void activate(String token, String password) {
        Invitee invitee = activatable(token).orElseThrow(() -> refused(token));
        policy.check(password, invitee.email());
        String hash = encoder.encode(password);
        SystemTask.run(() -> transaction.executeWithoutResult(tx -> {
            if (tokens.redeem(TokenPurpose.ACTIVATION, token).filter(invitee.email()::equals).isEmpty()) {
                throw refused(token);
            }
            if (invitee.staff() != null) {
                // A staff member invited by an admin (decision 027): they set up their second factor at sign-in.
                staff.activate(invitee.staff().id(), hash);
                emails.staffActivated(invitee.staff().name(), invitee.email());
                return;
            }
            InvitationRecord customer = invitee.customer();
            customers.activate(customer.id(), hash, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            emails.activated(customer.id(), customer.name(), customer.email());
            audit.recordWithin(customer.email(), Role.CUSTOMER, customer.id(), customer.email(), null,
                    AuditAction.ACCOUNT_ACTIVATED, "Activation link used: first password set, account active");
        }));
    }

    /** The invited customer, or else the invited staff member, whom a good activation link is for. */
    private Optional<Invitee> activatable(String token) {
        return tokens.peek(TokenPurpose.ACTIVATION, token).flatMap(email -> SystemTask.call(() -> customers.byEmail(email)
                .filter(c -> c.status() == CustomerStatus.INVITED).map(c -> new Invitee(c, null))
                .or(() -> staff.invited(email).map(s -> new Invitee(null, s)))));
    }

    private AccessLinkRefusedException refused(String token) {
        TokenState state = tokens.state(TokenPurpose.ACTIVATION, token);
        TokenState shown = state == TokenState.VALID ? TokenState.USED : state;
        audit.record(ANONYMOUS, ANONYMOUS, null, null, null, AuditAction.ACCESS_LINK_REFUSED,
                "Activation link refused: " + shown.name().toLowerCase(Locale.ROOT));
        return new AccessLinkRefusedException(shown);
    }

    /** Issues and emails a new activation link, retiring earlier ones; within the caller's transaction. */
    Instant sendActivationLink(InvitationRecord customer, String why) {
        OneTimeToken token = tokens.issue(TokenPurpose.ACTIVATION, customer.email());
        Instant sentAt = token.getExpiresAt().minus(TokenPurpose.ACTIVATION.lifetime());
        customers.recordInvitation(customer.id(), sentAt);
        emails.invitation(customer.id(), customer.name(), customer.email(), token.getTokenValue(), token.getExpiresAt());
        PortalUser actor = currentUser.actor().orElse(null);
        audit.recordWithin(actor == null ? SystemTask.ACTOR : actor.email(), actor == null ? Role.SYSTEM : actor.role(),
                customer.id(), customer.email(), null, AuditAction.ACTIVATION_LINK_SENT,
                why + ", expires " + token.getExpiresAt());
        return sentAt;
    }

    private boolean onLoan(long customerId, String loanNumber) {
        return accounts.byLoanNumber(loanNumber).map(account -> accounts.customerIds(account.id()).contains(customerId))
                .orElse(false);
    }

    private InvitationStatus status(InvitationRecord customer) {
        Instant invitedAt = customer.status() == CustomerStatus.INVITED ? customer.invitedAt() : null;
        return new InvitationStatus(customer.id(), customer.status(), invitedAt,
                invitedAt == null ? null : invitedAt.plus(TokenPurpose.ACTIVATION.lifetime()));
    }

    static String clip(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return text.length() > MAX_TYPED ? text.substring(0, MAX_TYPED) : text;
    }

    private record Request(InvitationRecord customer, String detail) {
    }

    /** Whom an activation link is for: a customer or a staff member, exactly one of them. */
    private record Invitee(InvitationRecord customer, StaffMember staff) {
        String email() {
            return customer != null ? customer.email() : staff.email();
        }
    }
}
