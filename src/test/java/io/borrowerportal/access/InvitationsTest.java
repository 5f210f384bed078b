package io.borrowerportal.access;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerStatus;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.TokenState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.borrowerportal.access.AccessFixtures.GOOD_PASSWORD;
import static io.borrowerportal.access.AccessFixtures.awaitMail;
import static io.borrowerportal.access.AccessFixtures.mailTo;
import static io.borrowerportal.access.AccessFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationsTest extends ServiceTest {

    static final String STAFF = "staff@example.com";

    @Autowired
    Invitations invitations;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    PreviewService previews;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    @Test
    void an_invited_customer_activates_from_the_emailed_link_and_can_then_sign_in() {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "invite");
        SignIn.as(users, STAFF);
        assertThat(invitations.status(ada.id()).neverInvited()).isTrue();
        InvitationStatus sent = invitations.invite(ada.id());
        assertThat(sent.linkExpiresAt()).isEqualTo(sent.invitedAt().plus(Duration.ofDays(7)));
        assertThat(invitations.status(ada.id()).invitedAt()).isEqualTo(sent.invitedAt());
        SignIn.out();

        String body = awaitMail(ada.email(), AccessEmails.INVITATION_SUBJECT);
        assertThat(AccessFixtures.link(body, AccessNavigation.SET_FIRST_PASSWORD)).startsWith("http://localhost:8080/");
        String token = token(body, AccessNavigation.SET_FIRST_PASSWORD);
        assertThat(invitations.linkEmail(token)).contains(ada.email());

        // The policy refuses a common password, and the link stays good for another try.
        assertThatThrownBy(() -> invitations.activate(token, "password1234")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("common");
        assertThat(invitations.linkState(token)).isEqualTo(TokenState.VALID);
        assertThatThrownBy(() -> authenticate(ada.email(), GOOD_PASSWORD)).isInstanceOf(Exception.class);

        invitations.activate(token, GOOD_PASSWORD);

        assertThat(authenticate(ada.email(), GOOD_PASSWORD).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> authenticate(ada.email(), "not the password at all")).isInstanceOf(BadCredentialsException.class);
        SignIn.as(users, STAFF);
        assertThat(invitations.status(ada.id()).status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(awaitMail(ada.email(), AccessEmails.ACTIVATED_SUBJECT)).contains("Your password was set");
        assertThat(audited(ada.email())).contains("ACTIVATION_LINK_SENT", "ACCOUNT_ACTIVATED");
    }

    @Test
    void an_activation_link_works_once_and_not_after_seven_days() {
        AccessFixtures.Borrower once = AccessFixtures.invited(customers, servicing, "once");
        AccessFixtures.Borrower late = AccessFixtures.invited(customers, servicing, "late");
        SignIn.as(users, STAFF);
        invitations.invite(once.id());
        invitations.invite(late.id());
        SignIn.out();
        String first = token(awaitMail(once.email(), AccessEmails.INVITATION_SUBJECT), AccessNavigation.SET_FIRST_PASSWORD);
        String second = token(awaitMail(late.email(), AccessEmails.INVITATION_SUBJECT), AccessNavigation.SET_FIRST_PASSWORD);

        invitations.activate(first, GOOD_PASSWORD);
        assertThat(invitations.linkState(first)).isEqualTo(TokenState.USED);
        assertThatThrownBy(() -> invitations.activate(first, "another long passphrase here"))
                .isInstanceOfSatisfying(AccessLinkRefusedException.class, e -> assertThat(e.state()).isEqualTo(TokenState.USED));

        ((TestClock) clock).advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(invitations.linkState(second)).isEqualTo(TokenState.EXPIRED);
        assertThatThrownBy(() -> invitations.activate(second, GOOD_PASSWORD))
                .isInstanceOfSatisfying(AccessLinkRefusedException.class, e -> assertThat(e.state()).isEqualTo(TokenState.EXPIRED));
        assertThat(invitations.linkState("not-a-token")).isEqualTo(TokenState.UNKNOWN);
    }

    @Test
    void a_new_invitation_retires_the_earlier_link() {
        AccessFixtures.Borrower twice = AccessFixtures.invited(customers, servicing, "twice");
        SignIn.as(users, STAFF);
        invitations.invite(twice.id());
        String first = token(awaitMail(twice.email(), AccessEmails.INVITATION_SUBJECT), AccessNavigation.SET_FIRST_PASSWORD);
        invitations.invite(twice.id());
        SignIn.out();
        assertThat(invitations.linkState(first)).isEqualTo(TokenState.USED);
    }

    @Test
    void an_activation_request_mails_only_the_email_on_file_and_only_when_loan_and_email_match() throws Exception {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "request");
        AccessFixtures.Borrower other = AccessFixtures.invited(customers, servicing, "other");

        // Another customer's loan, an unknown email, a loan that does not exist: nothing is sent to anyone.
        invitations.requestActivation(other.loanNumber(), ada.email());
        invitations.requestActivation(ada.loanNumber(), "stranger-" + System.nanoTime() + "@example.com");
        invitations.requestActivation("NO-SUCH-LOAN", ada.email());
        // The loan number and email as typed by a person: another case, spaces around.
        invitations.requestActivation("  " + ada.loanNumber().toLowerCase() + " ", "  " + ada.email().toUpperCase() + " ");

        String body = awaitMail(ada.email(), AccessEmails.INVITATION_SUBJECT);
        assertThat(body).contains(AccessNavigation.SET_FIRST_PASSWORD + "?token=");
        Thread.sleep(300);
        assertThat(mailTo(ada.email())).hasSize(1);
        assertThat(mailTo(other.email())).isEmpty();
        SignIn.as(users, STAFF);
        assertThat(invitations.status(ada.id()).invitedAt()).isNotNull();
        assertThat(invitations.status(other.id()).neverInvited()).isTrue();
    }

    @Test
    void an_active_customer_asking_for_activation_gets_a_note_with_a_reset_link() {
        AccessFixtures.Borrower active = AccessFixtures.active(customers, servicing, "already", GOOD_PASSWORD);
        invitations.requestActivation(active.loanNumber(), active.email());
        String body = awaitMail(active.email(), AccessEmails.ALREADY_ACTIVE_SUBJECT);
        assertThat(body).contains("already active");
        assertThat(AccessFixtures.link(body, AccessNavigation.RESET_PASSWORD)).startsWith("http://localhost:8080/");
    }

    @Test
    void the_bulk_invitation_reaches_customers_without_a_password_or_a_good_link_and_counts_them() {
        AccessFixtures.Borrower never = AccessFixtures.invited(customers, servicing, "bulk-never");
        AccessFixtures.Borrower expired = AccessFixtures.invited(customers, servicing, "bulk-expired");
        AccessFixtures.Borrower recent = AccessFixtures.invited(customers, servicing, "bulk-recent");
        AccessFixtures.Borrower active = AccessFixtures.active(customers, servicing, "bulk-active", GOOD_PASSWORD);
        SignIn.as(users, STAFF);
        invitations.invite(expired.id());
        ((TestClock) clock).advance(Duration.ofDays(8));
        invitations.invite(recent.id());

        List<Long> awaiting = invitations.awaitingInvitation();
        assertThat(awaiting).contains(never.id(), expired.id()).doesNotContain(recent.id(), active.id());

        int sent = invitations.inviteAll(List.of(never.id(), expired.id(), recent.id(), active.id(), never.id()));

        assertThat(sent).isEqualTo(2);
        assertThat(invitations.awaitingInvitation()).doesNotContain(never.id(), expired.id());
        assertThat(awaitMail(never.email(), AccessEmails.INVITATION_SUBJECT)).contains("activate");
    }

    @Test
    void staff_cannot_invite_during_a_preview_and_customers_cannot_invite_at_all() {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "preview");
        SignIn.as(users, STAFF);
        previews.start(ada.id(), context -> { });
        assertThatThrownBy(() -> invitations.invite(ada.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.inviteAll(List.of(ada.id()))).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> invitations.invite(ada.id())).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, STAFF);
        assertThat(invitations.status(ada.id()).neverInvited()).isTrue();
    }

    @Test
    void staff_cannot_invite_a_customer_who_already_activated() {
        AccessFixtures.Borrower active = AccessFixtures.active(customers, servicing, "active", GOOD_PASSWORD);
        SignIn.as(users, STAFF);
        assertThatThrownBy(() -> invitations.invite(active.id())).isInstanceOf(IllegalArgumentException.class);
        assertThat(invitations.status(active.id()).canInvite()).isFalse();
    }

    private Authentication authenticate(String email, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    private List<String> audited(String email) {
        return jdbc.sql("select action from audit_events where customer = :email order by id").param("email", email)
                .query(String.class).list();
    }
}
