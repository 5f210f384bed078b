package io.borrowerportal.access;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.StaffChangeRefusedException;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.StaffMember;
import io.borrowerportal.security.StaffStatus;
import io.borrowerportal.security.TokenState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.List;

import static io.borrowerportal.access.AccessFixtures.GOOD_PASSWORD;
import static io.borrowerportal.access.AccessFixtures.awaitMail;
import static io.borrowerportal.access.AccessFixtures.mailTo;
import static io.borrowerportal.access.AccessFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An admin invites a staff member, who sets a password from the activation link and owes the second factor. */
class StaffInvitationsTest extends ServiceTest {

    static final String ADMIN = "admin@example.com";

    @Autowired
    StaffInvitations invitations;
    @Autowired
    Invitations activation;
    @Autowired
    StaffDirectory directory;
    @Autowired
    SecondFactorService secondFactors;
    @Autowired
    List<AuthenticationProvider> providers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_invited_staff_member_sets_a_password_from_the_link_and_must_then_set_up_the_second_factor() {
        String email = unique("invitee");
        SignIn.as(users, ADMIN);
        StaffMember invited = invitations.invite("  Ines Invitee ", email.toUpperCase(), Role.STAFF);
        assertThat(invited.name()).isEqualTo("Ines Invitee");
        assertThat(invited.email()).isEqualTo(email);
        assertThat(invited.status()).isEqualTo(StaffStatus.INVITED);
        SignIn.out();
        assertThatThrownBy(() -> SignIn.passwordOnly(passwordStep(), email, GOOD_PASSWORD)).as("no password yet")
                .isInstanceOf(Exception.class);

        String body = awaitMail(email, AccessEmails.STAFF_INVITATION_SUBJECT);
        assertThat(body).contains("staff console as staff", "authenticator app");
        String token = token(body, AccessNavigation.SET_FIRST_PASSWORD);
        assertThat(activation.linkEmail(token)).contains(email);
        assertThatThrownBy(() -> activation.activate(token, "password1234")).isInstanceOf(IllegalArgumentException.class);
        assertThat(activation.linkState(token)).isEqualTo(TokenState.VALID);

        activation.activate(token, GOOD_PASSWORD);

        assertThat(activation.linkState(token)).isEqualTo(TokenState.USED);
        Authentication signedIn = SignIn.passwordOnly(passwordStep(), email, GOOD_PASSWORD);
        assertThat(SecondFactorService.pending(signedIn)).as("staff always owe the second factor").isTrue();
        assertThat(secondFactors.mustEnrol()).isTrue();
        assertThat(awaitMail(email, AccessEmails.STAFF_ACTIVATED_SUBJECT)).contains("set up your authenticator app");

        SignIn.as(users, ADMIN);
        assertThat(directory.member(invited.id()).status()).isEqualTo(StaffStatus.ACTIVE);
        assertThat(jdbc.sql("select action from audit_events where detail like :email or actor = :plain order by id")
                .param("email", "%" + email + "%").param("plain", email).query(String.class).list())
                .containsSubsequence("STAFF_MEMBER_INVITED", "ACTIVATION_LINK_SENT", "STAFF_MEMBER_ACTIVATED");
    }

    @Test
    void a_refused_invitation_stores_nothing_and_sends_nothing() throws Exception {
        SignIn.as(users, ADMIN);
        String email = unique("refused");
        assertThatThrownBy(() -> invitations.invite(" ", email, Role.STAFF))
                .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e.field()).isEqualTo(StaffDirectory.NAME));
        assertThatThrownBy(() -> invitations.invite("x".repeat(StaffDirectory.MAX_NAME + 1), email, Role.STAFF))
                .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e.field()).isEqualTo(StaffDirectory.NAME));
        for (String bad : new String[] {"no-at-sign", "two@@example.com", "a@b", "x@example.com, y@example.com", "a\r\nBcc: z@example.com"}) {
            assertThatThrownBy(() -> invitations.invite("Rae Refused", bad, Role.STAFF)).as(bad)
                    .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e.field()).isEqualTo(StaffDirectory.EMAIL));
        }
        assertThatThrownBy(() -> invitations.invite("Rae Refused", email, Role.CUSTOMER))
                .isInstanceOfSatisfying(StaffChangeRefusedException.class, e -> assertThat(e.field()).isEqualTo(StaffDirectory.ROLE));
        assertThatThrownBy(() -> invitations.invite("Rae Refused", "staff@example.com", Role.STAFF))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> invitations.invite("Rae Refused", "jane.borrower@example.com", Role.STAFF))
                .hasMessageContaining("customer signs in with this email");
        assertThat(jdbc.sql("select count(*) from staff_users where display_name = 'Rae Refused' or email = :email")
                .param("email", email).query(Integer.class).single()).isZero();
        Thread.sleep(300);
        assertThat(mailTo(email)).isEmpty();
    }

    @Test
    void a_new_link_for_someone_still_invited_retires_the_earlier_one() {
        String email = unique("resend");
        SignIn.as(users, ADMIN);
        StaffMember invited = invitations.invite("Rory Resend", email, Role.ADMIN);
        String first = token(awaitMail(email, AccessEmails.STAFF_INVITATION_SUBJECT), AccessNavigation.SET_FIRST_PASSWORD);
        invitations.resend(invited.id());
        SignIn.out();
        assertThat(activation.linkState(first)).isEqualTo(TokenState.USED);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(mailTo(email)).hasSize(2));

        SignIn.as(users, ADMIN);
        assertThatThrownBy(() -> invitations.resend(staffId("staff@example.com")))
                .as("someone who already set a password gets no link").isInstanceOf(StaffChangeRefusedException.class);
    }

    @Test
    void staff_who_are_not_admins_cannot_invite() {
        SignIn.as(users, "staff@example.com");
        String email = unique("bystaff");
        assertThatThrownBy(() -> invitations.invite("Sam Staff", email, Role.STAFF)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> invitations.resend(staffId("admin@example.com"))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from staff_users where email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
    }

    private AuthenticationProvider passwordStep() {
        return providers.stream().filter(p -> p.getClass().getSimpleName().startsWith("SignInAuthenticationProvider"))
                .findFirst().orElseThrow();
    }

    private long staffId(String email) {
        return jdbc.sql("select id from staff_users where email = :email").param("email", email).query(Long.class).single();
    }

    private static String unique(String tag) {
        return tag + "-" + System.nanoTime() + "@staff.example.com";
    }
}
