package io.borrowerportal.access;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerInvitations;
import io.borrowerportal.customer.CustomerStatus;
import io.borrowerportal.customer.InvitationRecord;
import io.borrowerportal.security.AccessTokens;
import io.borrowerportal.security.AccountPasswords;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.security.TokenPurpose;
import io.borrowerportal.security.TokenState;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;
import java.util.Optional;

/**
 * The forgotten password: an emailed 30-minute single-use link to choose a new one, for customers and staff
 * alike (the sign-in page is theirs too). The request's answer and its time are the same whether or not the
 * email has an account: every request issues and hashes a link in a transaction, which is rolled back when
 * nobody matched, and the answer comes after the same fixed time ({@link EvenTiming}). A reset ends every session of the account signed in before it, on every node.
 */
@Service
public class PasswordResets {

    /** What the forgot-password page says, whatever matched. */
    public static final String REQUEST_ANSWER = "If an account uses this email, we sent it a link to choose a new password."
            + " The link works for 30 minutes.";

    private final AccountPasswords passwords;
    private final CustomerInvitations customers;
    private final AccessTokens tokens;
    private final PasswordPolicy policy;
    private final AccessEmails emails;
    private final AuditService audit;
    private final Invitations invitations;
    private final TransactionTemplate transaction;

    PasswordResets(AccountPasswords passwords, CustomerInvitations customers, AccessTokens tokens, PasswordPolicy policy,
                   AccessEmails emails, AuditService audit, Invitations invitations, PlatformTransactionManager transactions) {
        this.passwords = passwords;
        this.customers = customers;
        this.tokens = tokens;
        this.policy = policy;
        this.emails = emails;
        this.audit = audit;
        this.invitations = invitations;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Anyone asks for a reset link for an email; the caller shows {@link #REQUEST_ANSWER}. An active account gets
     * the link; a customer who never activated gets an activation link instead (a reset could not let them in);
     * a locked or unknown account gets nothing.
     */
    public void request(String email) {
        String typed = Invitations.clip(email);
        EvenTiming.run(() -> SystemTask.run(() -> {
            Request outcome = transaction.execute(tx -> {
                Optional<PortalUser> account = passwords.account(typed);
                if (account.isPresent() && account.get().isEnabled() && account.get().isAccountNonLocked()) {
                    PortalUser user = account.get();
                    OneTimeToken token = tokens.issue(TokenPurpose.PASSWORD_RESET, user.email());
                    emails.resetLink(user.isCustomer() ? user.id() : null, user.displayName(), user.email(),
                            token.getTokenValue(), token.getExpiresAt());
                    return new Request(user, "Reset link sent, expires " + token.getExpiresAt());
                }
                Optional<InvitationRecord> invited = account.filter(PortalUser::isCustomer)
                        .flatMap(user -> customers.byId(user.id())).filter(c -> c.status() == CustomerStatus.INVITED);
                if (invited.isPresent()) {
                    invitations.sendActivationLink(invited.get(), "Activation link sent on a forgot-password request");
                    return new Request(account.get(), "Not activated yet: an activation link was sent instead");
                }
                tokens.issue(TokenPurpose.PASSWORD_RESET, typed.isEmpty() ? "-" : typed);
                tx.setRollbackOnly();
                return new Request(null, account.isPresent() ? "Account locked or inactive: nothing sent" : "No account: nothing sent");
            });
            PortalUser who = outcome.account();
            audit.record(who == null ? (typed.isEmpty() ? "-" : typed) : who.email(), who == null ? Invitations.ANONYMOUS : who.role(),
                    who != null && who.isCustomer() ? who.id() : null, who != null && who.isCustomer() ? who.email() : null,
                    null, AuditAction.PASSWORD_RESET_REQUESTED, outcome.detail());
        }));
    }

    /** What a reset link is now, without using it. */
    public TokenState linkState(String token) {
        TokenState state = tokens.state(TokenPurpose.PASSWORD_RESET, token);
        return state == TokenState.VALID && resettable(token).isEmpty() ? TokenState.USED : state;
    }

    /** The email of the account a reset link is for (the password may not be it), while the link is good. */
    public Optional<String> linkEmail(String token) {
        return resettable(token).map(PortalUser::email);
    }

    /**
     * Sets the new password from a reset link; every session of the account signed in before now ends. The
     * password is checked before the link is used, so a refused password leaves the link good.
     *
     * @throws AccessLinkRefusedException when the link is used, expired or unknown
     * @throws IllegalArgumentException with the policy's words when the password may not be used
     */
    public void reset(String token, String password) {
        PortalUser account = resettable(token).orElseThrow(() -> refused(token));
        policy.check(password, account.email());
        SystemTask.run(() -> transaction.executeWithoutResult(tx -> {
            if (tokens.redeem(TokenPurpose.PASSWORD_RESET, token).filter(account.email()::equals).isEmpty()) {
                throw refused(token);
            }
            passwords.change(account, password);
            emails.passwordChanged(account.isCustomer() ? account.id() : null, account.displayName(), account.email());
            audit.recordWithin(account.email(), account.role(), account.isCustomer() ? account.id() : null,
                    account.isCustomer() ? account.email() : null, null, AuditAction.PASSWORD_RESET,
                    "Reset link used: password changed, older sessions ended");
        }));
    }

    private Optional<PortalUser> resettable(String token) {
        return tokens.peek(TokenPurpose.PASSWORD_RESET, token)
                .flatMap(email -> SystemTask.call(() -> passwords.account(email)))
                .filter(user -> user.isEnabled() && user.isAccountNonLocked());
    }

    private AccessLinkRefusedException refused(String token) {
        TokenState state = tokens.state(TokenPurpose.PASSWORD_RESET, token);
        TokenState shown = state == TokenState.VALID ? TokenState.USED : state;
        audit.record(Invitations.ANONYMOUS, Invitations.ANONYMOUS, null, null, null, AuditAction.ACCESS_LINK_REFUSED,
                "Password reset link refused: " + shown.name().toLowerCase(Locale.ROOT));
        return new AccessLinkRefusedException(shown);
    }

    private record Request(PortalUser account, String detail) {
    }
}
