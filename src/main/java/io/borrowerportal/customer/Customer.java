package io.borrowerportal.customer;

import io.borrowerportal.common.EmailAddresses;
import io.borrowerportal.common.WebAccessSwitch;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

@Entity
@Table(name = "customers")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String email;
    private String passwordHash;
    private String firstName;
    private String lastName;
    private String phone;
    @Column(name = "street_line1")
    private String streetLine1;
    @Column(name = "street_line2")
    private String streetLine2;
    private String city;
    private String state;
    private String zip;
    /** The address of an email change waiting for its confirmation link; only the latest request's link works. */
    private String pendingEmail;
    @Enumerated(EnumType.STRING)
    private CustomerStatus status;
    @Enumerated(EnumType.STRING)
    private AccountsLayout accountsLayout;
    @Version
    private long version;
    private Instant createdAt;
    private Instant invitedAt;
    private Instant sessionsValidAfter;
    @Embedded
    private WebAccessSwitch webAccess = new WebAccessSwitch();
    /** What the staff search finds the customer by (decision 041); follows the names and the address. */
    @ElementCollection
    @CollectionTable(name = "customer_search_terms", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "term")
    private Set<String> searchTerms = new HashSet<>();

    protected Customer() {
    }

    Customer(String email, String passwordHash, String firstName, String lastName, String phone, Instant createdAt) {
        this.email = EmailAddresses.keyOrNull(email);
        this.passwordHash = passwordHash;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.status = passwordHash == null ? CustomerStatus.INVITED : CustomerStatus.ACTIVE;
        this.accountsLayout = AccountsLayout.CARDS;
        this.createdAt = createdAt;
        this.searchTerms.addAll(CustomerSearchTerms.of(firstName, lastName, this.email));
    }

    /** Brings the search terms in line with the names and address; reads them only when something they come from changed. */
    private void searchTermsFollow(String oldFirst, String oldLast, String oldEmail) {
        if (Objects.equals(oldFirst, firstName) && Objects.equals(oldLast, lastName) && Objects.equals(oldEmail, email)) {
            return;
        }
        Set<String> wanted = CustomerSearchTerms.of(firstName, lastName, email);
        searchTerms.retainAll(wanted);
        searchTerms.addAll(wanted);
    }

    Long id() {
        return id;
    }

    String firstName() {
        return firstName;
    }

    String lastName() {
        return lastName;
    }

    String fullName() {
        return firstName + " " + lastName;
    }

    AccountsLayout accountsLayout() {
        return accountsLayout;
    }

    void changeAccountsLayout(AccountsLayout layout) {
        accountsLayout = layout;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    String pendingEmail() {
        return pendingEmail;
    }

    void requestEmailChange(String newEmail) {
        pendingEmail = EmailAddresses.keyOrNull(newEmail);
    }

    void cancelEmailChange() {
        pendingEmail = null;
    }

    /** The pending address becomes the sign-in address; false when it is not the one pending (a newer request). */
    boolean confirmEmailChange(String newEmail) {
        if (pendingEmail == null || !pendingEmail.equalsIgnoreCase(newEmail)) {
            return false;
        }
        String oldEmail = email;
        email = pendingEmail;
        pendingEmail = null;
        searchTermsFollow(firstName, lastName, oldEmail);
        return true;
    }

    void changeContact(ContactDetails contact) {
        phone = contact.phone();
        streetLine1 = contact.streetLine1();
        streetLine2 = contact.streetLine2();
        city = contact.city();
        state = contact.state();
        zip = contact.zip();
    }

    /** The lender's record of the customer: name, email, phone and mailing address; never what the portal owns. */
    LenderRecord toLenderRecord() {
        return new LenderRecord(firstName, lastName, email, phone, streetLine1, streetLine2, city, state, zip);
    }

    void changeLenderRecord(LenderRecord record) {
        String oldFirst = firstName;
        String oldLast = lastName;
        String oldEmail = email;
        firstName = record.firstName();
        lastName = record.lastName();
        email = EmailAddresses.keyOrNull(record.email());
        searchTermsFollow(oldFirst, oldLast, oldEmail);
        phone = record.phone();
        streetLine1 = record.streetLine1();
        streetLine2 = record.streetLine2();
        city = record.city();
        state = record.state();
        zip = record.zip();
    }

    /** What the outbound event of a contact change says (decision 029). */
    ContactMessage toContactMessage(List<String> changed) {
        return new ContactMessage(id, changed, email, phone,
                new ContactMessage.MailingAddress(streetLine1, streetLine2, city, state, zip));
    }

    ProfileDetails toProfile(PaperlessStatus paperless, boolean readOnly) {
        return new ProfileDetails(fullName(), email, pendingEmail, phone, streetLine1, streetLine2, city, state, zip,
                paperless, readOnly);
    }

    CustomerStatus status() {
        return status;
    }

    Instant sessionsValidAfter() {
        return sessionsValidAfter;
    }

    /** Staff switched the customer's web access; false when it already was that way. */
    boolean switchWebAccess(boolean on, String reason, Instant at, String by) {
        return webAccess.change(on, reason, at, by);
    }

    WebAccessState toWebAccessState() {
        return new WebAccessState(id, webAccess.enabled(), webAccess.reason(), webAccess.changedAt(), webAccess.changedBy());
    }

    /** An activation link went out: only a customer who has not activated yet is invited. */
    void invited(Instant at) {
        if (status != CustomerStatus.INVITED) {
            throw new IllegalStateException("Only an invited customer can be sent an activation link");
        }
        invitedAt = at;
    }

    /** The first password, set from an activation link: the customer may sign in from now on. */
    void activate(String newPasswordHash, Instant at) {
        if (status != CustomerStatus.INVITED) {
            throw new IllegalStateException("This account is already active");
        }
        passwordHash = newPasswordHash;
        status = CustomerStatus.ACTIVE;
        sessionsValidAfter = at;
    }

    /** A new password; every session signed in before {@code at} ends. */
    void changePassword(String newPasswordHash, Instant at) {
        passwordHash = newPasswordHash;
        sessionsValidAfter = at;
    }

    InvitationRecord toInvitationRecord() {
        return new InvitationRecord(id, fullName(), email, status, invitedAt);
    }

    PortalUser toPortalUser() {
        return new PortalUser(id, Role.CUSTOMER, email, fullName(), passwordHash,
                status == CustomerStatus.ACTIVE, status == CustomerStatus.LOCKED);
    }

    CustomerSummary toSummary() {
        return new CustomerSummary(id, fullName(), email, status);
    }
}
