package io.borrowerportal.customer;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.Dates;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.AccessTokens;
import io.borrowerportal.security.AccountPasswords;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.TokenPurpose;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * My profile: a customer's own password, sign-in email, phone and mailing address, and paperless consent. Every
 * method acts on the signed-in customer ({@link CurrentUser}), never on an id from the page; every change is
 * refused during a staff preview, audited, and confirmed by email. The one exception to "signed in" is the email
 * change's confirmation link, whose token is the authority (decision 022).
 */
@Service
public class ProfileService {

    /** One address: no list, display-name or header syntax (what the outbox would refuse), a dot in the domain. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\]+@[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\.]+(\\.[^@\\s\\p{Cntrl},;:<>()\\[\\]\"\\\\.]+)+");
    /** Said alike whoever holds the address, so the form does not tell who has an account here. */
    public static final String ADDRESS_UNAVAILABLE = "This email address cannot be used for your sign-in. Choose another one.";
    static final String WRONG_PASSWORD = "That is not your current password. Check it and try again.";
    static final String CONFIRM_PATH = "confirm-email";

    private final CustomerRepository customers;
    private final PaperlessConsentRepository consents;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final AccountPasswords passwords;
    private final AccessTokens tokens;
    private final StaffDirectory staff;
    private final AuditService audit;
    private final Mailer mailer;
    private final SettingsService settings;
    private final Clock clock;
    private final String publicUrl;
    private final Outbox outbox;

    ProfileService(CustomerRepository customers, PaperlessConsentRepository consents, CurrentUser currentUser,
                   PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, AccountPasswords passwords,
                   AccessTokens tokens,
                   StaffDirectory staff, AuditService audit, Mailer mailer, SettingsService settings, Clock clock,
                   @Value("${portal.public-url:http://localhost:8080}") String publicUrl, Outbox outbox) {
        this.outbox = outbox;
        this.customers = customers;
        this.consents = consents;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.tokens = tokens;
        this.staff = staff;
        this.audit = audit;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CUSTOMER')")
    public ProfileDetails myProfile() {
        Customer customer = me();
        return customer.toProfile(paperless(customer.id()), currentUser.previewing());
    }

    /**
     * Sets a new password after checking the current one. A wrong current password is only refused: it locks
     * nothing and counts towards nothing (the customer is signed in already).
     */
    @Transactional
    @ChangesCustomerState
    public void changePassword(String currentPassword, String newPassword, String confirmation) {
        Customer customer = me();
        checkPassword(customer, currentPassword);
        try {
            passwordPolicy.check(newPassword, customer.email());
        } catch (IllegalArgumentException refused) {
            throw new ProfileChangeRefusedException(ProfileFields.NEW_PASSWORD, refused.getMessage());
        }
        if (!newPassword.equals(confirmation)) {
            throw new ProfileChangeRefusedException(ProfileFields.CONFIRMATION,
                    "The two new passwords are not the same. Type the new password again.");
        }
        // Hashes it and ends every other session of the customer, on every node; this one stays signed in.
        passwords.change(currentUser.customer(), newPassword);
        audited(customer, AuditAction.PASSWORD_CHANGED, "Password changed on My profile");
        notify(customer.email(), customer.id(), "Your password was changed",
                "The password for your online account was changed on " + when() + ".\n\n"
                        + "If you did this, there is nothing more to do. If you did not, call us right away at "
                        + settings.current().supportPhone() + ": someone else may know your password.");
    }

    /**
     * Starts an email change: after the current password (re-authentication), a single-use link goes to the new
     * address and a notice to the old one. The sign-in address changes only when the link is used; a newer request
     * or a cancellation makes the earlier link useless.
     *
     * @return the new address, as it will be stored
     */
    @Transactional
    @ChangesCustomerState
    public String requestEmailChange(String newEmail, String currentPassword) {
        Customer customer = me();
        String address = newEmail == null ? "" : newEmail.trim().toLowerCase(Locale.ROOT);
        if (address.isEmpty() || address.length() > ProfileFields.MAX_EMAIL || !ADDRESS.matcher(address).matches()
                || address.startsWith(".") || address.endsWith(".")) {
            throw new ProfileChangeRefusedException(ProfileFields.NEW_EMAIL,
                    "Enter an email address like name@example.com.");
        }
        if (address.equalsIgnoreCase(customer.email())) {
            throw new ProfileChangeRefusedException(ProfileFields.NEW_EMAIL, "This is already your email address.");
        }
        checkPassword(customer, currentPassword);
        if (taken(address, customer.id())) {
            throw new ProfileChangeRefusedException(ProfileFields.NEW_EMAIL, ADDRESS_UNAVAILABLE);
        }
        customer.requestEmailChange(address);
        String token = tokens.issue(TokenPurpose.EMAIL_CHANGE, customer.id() + ":" + address).getTokenValue();
        String link = publicUrl + "/" + CONFIRM_PATH + "?token=" + token;
        long hours = TokenPurpose.EMAIL_CHANGE.lifetime().toHours();
        audited(customer, AuditAction.EMAIL_CHANGE_REQUESTED, "Asked to change the sign-in email to " + address);
        notify(address, customer.id(), "Confirm your new email address",
                "You asked to use this address to sign in to your online account with "
                        + settings.current().lenderName() + ". To confirm, open this link within " + hours + " hours:\n\n"
                        + link + "\n\n"
                        + "Until you do, you keep signing in with your current address. If you did not ask for this, "
                        + "ignore this email: nothing changes.");
        notify(customer.email(), customer.id(), "Someone asked to change your email address",
                "Someone asked on " + when() + " to change the email address of your online account to " + address
                        + ". The change happens only when the link we sent to that address is opened.\n\n"
                        + "If this was you, there is nothing more to do. If this was not you, call us right away at "
                        + settings.current().supportPhone() + ", and change your password.");
        return address;
    }

    /** Drops a pending email change: its link no longer works. */
    @Transactional
    @ChangesCustomerState
    public void cancelEmailChange() {
        Customer customer = me();
        if (customer.pendingEmail() == null) {
            return;
        }
        String pending = customer.pendingEmail();
        customer.cancelEmailChange();
        audited(customer, AuditAction.EMAIL_CHANGE_CANCELLED, "Cancelled the change of the sign-in email to " + pending);
    }

    /** What a confirmation link is, without using it (the page asks before it confirms; mail scanners open links). */
    @Transactional(readOnly = true)
    public EmailChangeLink emailChangeLink(String token) {
        TokenState state = tokens.state(TokenPurpose.EMAIL_CHANGE, token);
        if (state != TokenState.VALID) {
            return new EmailChangeLink(outcomeOf(state), null);
        }
        Optional<Request> request = tokens.peek(TokenPurpose.EMAIL_CHANGE, token).flatMap(Request::parse);
        if (request.isEmpty()) {
            return new EmailChangeLink(EmailChangeOutcome.UNKNOWN, null);
        }
        Optional<Customer> customer = customers.findById(request.get().customerId());
        if (customer.isEmpty() || !request.get().email().equalsIgnoreCase(customer.get().pendingEmail())) {
            return new EmailChangeLink(EmailChangeOutcome.USED, null);
        }
        return new EmailChangeLink(null, request.get().email());
    }

    /**
     * Uses a confirmation link: the new address becomes the sign-in address, once, within its lifetime, and only
     * while nobody else uses it. Works signed in or not (the link is the authority), but not during a preview.
     */
    @Transactional
    public EmailChangeOutcome confirmEmailChange(String token) {
        if (currentUser.previewing()) {
            throw new AccessDeniedException("A preview is read-only");
        }
        TokenState state = tokens.state(TokenPurpose.EMAIL_CHANGE, token);
        if (state != TokenState.VALID) {
            return outcomeOf(state);
        }
        Optional<Request> request = tokens.redeem(TokenPurpose.EMAIL_CHANGE, token).flatMap(Request::parse);
        if (request.isEmpty()) {
            return EmailChangeOutcome.USED;
        }
        Customer customer = customers.findById(request.get().customerId()).orElse(null);
        String address = request.get().email();
        if (customer == null || !address.equalsIgnoreCase(customer.pendingEmail())) {
            return EmailChangeOutcome.USED;
        }
        if (taken(address, customer.id())) {
            customer.cancelEmailChange();
            audited(customer, AuditAction.EMAIL_CHANGE_CANCELLED,
                    "The confirmed address " + address + " is in use by another sign-in; the change was not made");
            return EmailChangeOutcome.ADDRESS_UNAVAILABLE;
        }
        String old = customer.email();
        customer.confirmEmailChange(address);
        audited(customer, AuditAction.EMAIL_CHANGED, "Sign-in email changed from " + old + " to " + address
                + " by the confirmation link");
        outbox.record(EventType.CONTACT_DETAILS_CHANGED, String.valueOf(customer.id()),
                customer.toContactMessage(List.of("EMAIL")));
        notify(address, customer.id(), "Your email address was changed",
                "From now on, sign in to your online account with " + address + ". We send our emails to this "
                        + "address too.");
        notify(old, customer.id(), "Your email address was changed",
                "The email address of your online account was changed on " + when() + " to " + address
                        + ". We no longer write to this address.\n\n"
                        + "If this was not you, call us right away at " + settings.current().supportPhone() + ".");
        return EmailChangeOutcome.CHANGED;
    }

    @Transactional
    @ChangesCustomerState
    public void updateContact(ContactDetails contact) {
        if (contact == null) {
            throw new ProfileChangeRefusedException(ProfileFields.PHONE, "Enter your phone number and mailing address.");
        }
        Customer customer = me();
        customer.changeContact(contact);
        String address = contact.streetLine1() + (contact.streetLine2() == null ? "" : ", " + contact.streetLine2())
                + ", " + contact.city() + ", " + contact.state() + " " + contact.zip();
        audited(customer, AuditAction.CONTACT_CHANGED, "Phone " + contact.phone() + "; mailing address " + address);
        outbox.record(EventType.CONTACT_DETAILS_CHANGED, String.valueOf(customer.id()),
                customer.toContactMessage(List.of("PHONE", "MAILING_ADDRESS")));
        notify(customer.email(), customer.id(), "Your contact details were changed",
                "The phone number and mailing address of your account were changed on " + when() + ". They are now:\n\n"
                        + "Phone: " + contact.phone() + "\nMailing address: " + address + "\n\n"
                        + "If this was not you, call us right away at " + settings.current().supportPhone() + ".");
    }

    /** Agrees to receive statements and notices electronically under the disclosure of this version. */
    @Transactional
    @ChangesCustomerState
    public void consentToPaperless(String disclosureVersion) {
        Customer customer = me();
        if (!PaperlessDisclosure.VERSION.equals(disclosureVersion)) {
            throw new ProfileChangeRefusedException(ProfileFields.PAPERLESS,
                    "The disclosure has changed since you opened this page. Please read it again.");
        }
        if (paperless(customer.id()).consented()) {
            throw new ProfileChangeRefusedException(ProfileFields.PAPERLESS,
                    "You already receive statements and notices electronically.");
        }
        consents.save(new PaperlessConsent(customer.id(), disclosureVersion, customer.email(), clock.instant()));
        audited(customer, AuditAction.PAPERLESS_CONSENTED, "Consented to electronic delivery, disclosure version "
                + disclosureVersion);
        notify(customer.email(), customer.id(), "You chose paperless statements and notices",
                "On " + when() + " you agreed to receive your statements and notices electronically (disclosure "
                        + "version " + disclosureVersion + "). We will email you at this address when one is ready "
                        + "to read in the portal.\n\n"
                        + "You can go back to paper at any time on My profile or by calling "
                        + settings.current().supportPhone() + ", and ask for a paper copy of anything at no charge.");
    }

    @Transactional
    @ChangesCustomerState
    public void withdrawPaperless() {
        Customer customer = me();
        PaperlessConsent consent = consents.findFirstByCustomerIdOrderByConsentedAtDescIdDesc(customer.id())
                .filter(PaperlessConsent::inForce)
                .orElseThrow(() -> new ProfileChangeRefusedException(ProfileFields.PAPERLESS,
                        "You already receive statements and notices on paper."));
        consent.withdraw(clock.instant());
        audited(customer, AuditAction.PAPERLESS_WITHDRAWN, "Withdrew consent to electronic delivery");
        notify(customer.email(), customer.id(), "You chose paper statements and notices",
                "On " + when() + " you withdrew your consent to electronic delivery. From now on we mail your "
                        + "statements and notices on paper to the mailing address on your profile.");
    }

    private Customer me() {
        return customers.findById(currentUser.customerId()).orElseThrow(
                () -> new AccessDeniedException("No such customer"));
    }

    private PaperlessStatus paperless(long customerId) {
        return consents.findFirstByCustomerIdOrderByConsentedAtDescIdDesc(customerId)
                .map(PaperlessConsent::toStatus).orElse(PaperlessStatus.NEVER);
    }

    private void checkPassword(Customer customer, String currentPassword) {
        if (currentPassword == null || currentPassword.isEmpty() || customer.passwordHash() == null
                || !passwordEncoder.matches(currentPassword, customer.passwordHash())) {
            throw new ProfileChangeRefusedException(ProfileFields.CURRENT_PASSWORD, WRONG_PASSWORD);
        }
    }

    /** Whether another customer or a staff member signs in with the address. */
    private boolean taken(String address, long customerId) {
        return customers.existsByEmailIgnoreCaseAndIdNot(address, customerId) || staff.emailInUse(address);
    }

    private void audited(Customer customer, AuditAction action, String detail) {
        audit.recordWithin(customer.email(), Role.CUSTOMER, customer.id(), customer.email(), null, action, detail);
    }

    private void notify(String to, long customerId, String subject, String text) {
        WebsiteSettings website = settings.current();
        mailer.send(new OutgoingEmail(to, subject, text + "\n\n" + website.emailSignOff(), customerId));
    }

    private String when() {
        return Dates.LONG_STAMP
                .format(Instant.now(clock).atZone(clock.getZone()));
    }

    private static EmailChangeOutcome outcomeOf(TokenState state) {
        return switch (state) {
            case USED -> EmailChangeOutcome.USED;
            case EXPIRED -> EmailChangeOutcome.EXPIRED;
            case UNKNOWN, VALID -> EmailChangeOutcome.UNKNOWN;
        };
    }

    /** A link's subject: the customer and the address they asked for. */
    private record Request(long customerId, String email) {
        static Optional<Request> parse(String subject) {
            int colon = subject.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Request(Long.parseLong(subject.substring(0, colon)), subject.substring(colon + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
