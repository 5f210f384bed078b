package io.borrowerportal.access;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.AccessTokens;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.StaffChangeRefusedException;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.StaffMember;
import io.borrowerportal.security.TokenPurpose;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins invite staff members (decision 027): {@link StaffDirectory} adds the person without a password, and they
 * get the same single-use activation link as a customer (7 days, decision 016) in the same transaction; a refused
 * name or email stores nothing and sends nothing. After choosing a password they sign in and set up their second
 * factor, which staff always need (decision 018).
 */
@Service
public class StaffInvitations {

    private final StaffDirectory staff;
    private final AccessTokens tokens;
    private final AccessEmails emails;
    private final AuditService audit;
    private final CurrentUser currentUser;

    StaffInvitations(StaffDirectory staff, AccessTokens tokens, AccessEmails emails, AuditService audit,
                     CurrentUser currentUser) {
        this.staff = staff;
        this.tokens = tokens;
        this.emails = emails;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /**
     * Adds a staff member or admin and emails them an activation link.
     *
     * @throws StaffChangeRefusedException naming the field, when the name, email or role cannot be used
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember invite(String name, String email, String role) {
        StaffMember member = staff.addInvited(name, email, role);
        sendLink(member, "Staff invitation sent");
        return member;
    }

    /** A new link for someone still invited (the last one expired or got lost); the earlier link stops working. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public StaffMember resend(long staffId) {
        StaffMember member = staff.invitationResent(staffId);
        sendLink(member, "Staff invitation sent again");
        return member;
    }

    private void sendLink(StaffMember member, String why) {
        OneTimeToken token = tokens.issue(TokenPurpose.ACTIVATION, member.email());
        emails.staffInvitation(member.name(), member.email(), StaffDirectory.roleName(member.role()),
                token.getTokenValue(), token.getExpiresAt());
        PortalUser actor = currentUser.actor().orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
        audit.recordWithin(actor.email(), actor.role(), null, null, null, AuditAction.ACTIVATION_LINK_SENT,
                why + " to " + member.email() + ", expires " + token.getExpiresAt());
    }
}
