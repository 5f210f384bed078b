package io.borrowerportal.access;

import io.borrowerportal.common.Dates;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.notification.PortalLinks;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** The words of every access email, queued in the caller's transaction. Links are absolute ({@link PortalLinks}). */
@Component
class AccessEmails {

    static final String INVITATION_SUBJECT = "Activate your account";
    static final String ALREADY_ACTIVE_SUBJECT = "Your account is already active";
    static final String RESET_SUBJECT = "Reset your password";
    static final String ACTIVATED_SUBJECT = "Your account is active";
    static final String PASSWORD_CHANGED_SUBJECT = "Your password was changed";
    static final String STAFF_INVITATION_SUBJECT = "You are invited to the staff console";
    static final String STAFF_ACTIVATED_SUBJECT = "Your staff console account is ready";


    private final Mailer mailer;
    private final PortalLinks links;
    private final SettingsService settings;
    private final Clock clock;

    AccessEmails(Mailer mailer, PortalLinks links, SettingsService settings, Clock clock) {
        this.mailer = mailer;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    void invitation(long customerId, String name, String email, String token, Instant expiresAt) {
        WebsiteSettings website = settings.current();
        send(email, customerId, INVITATION_SUBJECT, "Hello " + name + ",\n\n"
                + website.lenderName() + " invites you to its customer website, where you can see your loans, make payments"
                + " and keep your documents.\n\n"
                + "Choose your password here to activate your account:\n" + links.to(AccessNavigation.setFirstPassword(token))
                + "\n\nThe link works once, until " + when(expiresAt) + ". If it has expired, ask for a new one at "
                + links.to(AccessNavigation.ACTIVATE) + ".\n"
                + "If you did not expect this email, you can ignore it.\n\n" + website.emailSignOff());
    }

    void alreadyActive(Long customerId, String name, String email, String resetToken, Instant expiresAt) {
        WebsiteSettings website = settings.current();
        send(email, customerId, ALREADY_ACTIVE_SUBJECT, "Hello " + name + ",\n\n"
                + "Someone asked to activate your account on " + website.lenderName() + "'s customer website. Your account"
                + " is already active: sign in with your email and password at " + links.to(AccessNavigation.LOGIN) + ".\n\n"
                + "If you forgot your password, choose a new one here:\n" + links.to(AccessNavigation.resetPassword(resetToken))
                + "\n\nThe link works once, until " + when(expiresAt) + ". If you did not ask, you can ignore this email.\n\n"
                + website.emailSignOff());
    }

    void resetLink(Long customerId, String name, String email, String token, Instant expiresAt) {
        WebsiteSettings website = settings.current();
        send(email, customerId, RESET_SUBJECT, "Hello " + name + ",\n\n"
                + "Someone asked to reset the password of your account on " + website.lenderName() + "'s customer website."
                + " Choose a new password here:\n" + links.to(AccessNavigation.resetPassword(token))
                + "\n\nThe link works once, for 30 minutes (until " + when(expiresAt) + "). If it has expired, ask for a new"
                + " one at " + links.to(AccessNavigation.FORGOT_PASSWORD) + ".\n"
                + "If you did not ask, you can ignore this email: your password stays as it is.\n\n" + website.emailSignOff());
    }

    void activated(long customerId, String name, String email) {
        WebsiteSettings website = settings.current();
        send(email, customerId, ACTIVATED_SUBJECT, "Hello " + name + ",\n\n"
                + "Your password was set on " + when(clock.instant()) + " and your account is active. Sign in at "
                + links.to(AccessNavigation.LOGIN) + ".\n\n"
                + "If you did not do this, call us right away.\n\n" + website.emailSignOff());
    }

    void passwordChanged(Long customerId, String name, String email) {
        WebsiteSettings website = settings.current();
        send(email, customerId, PASSWORD_CHANGED_SUBJECT, "Hello " + name + ",\n\n"
                + "Your password was changed on " + when(clock.instant()) + ". Every session that was signed in with the old"
                + " password has been signed out.\n\n"
                + "If you did not do this, reset your password at " + links.to(AccessNavigation.FORGOT_PASSWORD)
                + " and call us right away.\n\n" + website.emailSignOff());
    }

    /** A staff member invited by an admin: the same single-use activation link, then the second factor at sign-in. */
    void staffInvitation(String name, String email, String roleName, String token, Instant expiresAt) {
        WebsiteSettings website = settings.current();
        send(email, null, STAFF_INVITATION_SUBJECT, "Hello " + name + ",\n\n"
                + website.lenderName() + " invites you to its staff console as " + roleName + ".\n\n"
                + "Choose your password here:\n" + links.to(AccessNavigation.setFirstPassword(token))
                + "\n\nThe link works once, until " + when(expiresAt) + "; if it has expired, ask an admin for a new one."
                + " When you first sign in you will set up an authenticator app on your phone for the second factor.\n"
                + "If you did not expect this email, you can ignore it.\n\n" + website.emailSignOff());
    }

    void staffActivated(String name, String email) {
        WebsiteSettings website = settings.current();
        send(email, null, STAFF_ACTIVATED_SUBJECT, "Hello " + name + ",\n\n"
                + "Your password was set on " + when(clock.instant()) + ". Sign in at " + links.to(AccessNavigation.LOGIN)
                + " and set up your authenticator app.\n\n"
                + "If you did not do this, tell an admin right away.\n\n" + website.emailSignOff());
    }

    private void send(String to, Long customerId, String subject, String body) {
        mailer.send(new OutgoingEmail(to, subject, body, customerId));
    }

    private String when(Instant instant) {
        return Dates.LONG_STAMP.format(instant.atZone(clock.getZone()));
    }
}
