package io.borrowerportal.customer;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.borrowerportal.customer.ProfileFixtures.PASSWORD;
import static io.borrowerportal.customer.ProfileFixtures.audited;
import static io.borrowerportal.customer.ProfileFixtures.confirmationToken;
import static io.borrowerportal.customer.ProfileFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileServiceTest extends ServiceTest {

    private static final String NEW_PASSWORD = "lantern orchard velvet";

    @Autowired
    ProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    PreviewService previews;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    private String signedInCustomer(String who) {
        String email = ProfileFixtures.customer(customers, who);
        SignIn.as(users, email);
        return email;
    }

    private String hashOf(String email) {
        return users.loadUserByUsername(email).getPassword();
    }

    private static void refusedOn(String field, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(ProfileChangeRefusedException.class)
                .satisfies(e -> assertThat(((ProfileChangeRefusedException) e).field()).isEqualTo(field));
    }

    @Test
    void a_wrong_current_password_is_refused_on_its_field_and_changes_nothing() {
        String email = signedInCustomer("wrong");
        String before = hashOf(email);

        refusedOn(ProfileFields.CURRENT_PASSWORD, () -> profiles.changePassword("not-my-password", NEW_PASSWORD, NEW_PASSWORD));
        assertThatThrownBy(() -> profiles.changePassword("", NEW_PASSWORD, NEW_PASSWORD))
                .hasMessage(ProfileService.WRONG_PASSWORD);

        assertThat(hashOf(email)).isEqualTo(before);
        assertThat(audited(jdbc, email, "PASSWORD_CHANGED")).isZero();
        assertThat(mail(jdbc, email, "Your password was changed")).isEmpty();
    }

    @Test
    void the_right_current_password_changes_it_and_the_change_is_audited_and_emailed() {
        String email = signedInCustomer("right");

        profiles.changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(passwordEncoder.matches(NEW_PASSWORD, hashOf(email))).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, hashOf(email))).isFalse();
        assertThat(hashOf(email)).startsWith("$2a$12$");
        assertThat(audited(jdbc, email, "PASSWORD_CHANGED")).isOne();
        assertThat(mail(jdbc, email, "Your password was changed")).singleElement().asString()
                .contains("If you did not, call us right away at", "Questions? Call");
    }

    @Test
    void the_new_password_must_meet_the_policy_and_match_its_confirmation() {
        String email = signedInCustomer("policy");
        String before = hashOf(email);

        refusedOn(ProfileFields.NEW_PASSWORD, () -> profiles.changePassword(PASSWORD, "short", "short"));
        refusedOn(ProfileFields.NEW_PASSWORD, () -> profiles.changePassword(PASSWORD, email, email));
        assertThatThrownBy(() -> profiles.changePassword(PASSWORD, "password1234", "password1234"))
                .hasMessageContaining("common or breached");
        refusedOn(ProfileFields.CONFIRMATION, () -> profiles.changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x"));

        assertThat(hashOf(email)).isEqualTo(before);
    }

    @Test
    void an_email_change_sends_a_link_to_the_new_address_and_a_notice_to_the_old_and_takes_effect_on_confirmation() {
        String old = signedInCustomer("mover");
        String fresh = ProfileFixtures.freshAddress("moved");

        assertThat(profiles.requestEmailChange("  " + fresh.toUpperCase() + " ", PASSWORD)).isEqualTo(fresh);

        assertThat(mail(jdbc, old, "Someone asked to change your email address")).singleElement().asString()
                .contains("to " + fresh, "If this was not you, call us right away at");
        assertThat(mail(jdbc, fresh, "Confirm your new email address")).singleElement().asString()
                .contains("http://localhost:8080/confirm-email?token=", "within 24 hours");
        assertThat(profiles.myProfile().email()).as("nothing changes before the link is used").isEqualTo(old);
        assertThat(profiles.myProfile().pendingEmail()).isEqualTo(fresh);
        assertThat(audited(jdbc, old, "EMAIL_CHANGE_REQUESTED")).isOne();
        assertThatThrownBy(() -> users.loadUserByUsername(fresh)).isInstanceOf(UsernameNotFoundException.class);

        String token = confirmationToken(jdbc, fresh);
        assertThat(profiles.emailChangeLink(token)).isEqualTo(new EmailChangeLink(null, fresh));
        SignIn.out();
        assertThat(profiles.confirmEmailChange(token)).isEqualTo(EmailChangeOutcome.CHANGED);

        assertThat(passwordEncoder.matches(PASSWORD, users.loadUserByUsername(fresh).getPassword()))
                .as("the customer signs in with the new address and the same password").isTrue();
        assertThatThrownBy(() -> users.loadUserByUsername(old)).isInstanceOf(UsernameNotFoundException.class);
        assertThat(audited(jdbc, fresh, "EMAIL_CHANGED")).isOne();
        assertThat(mail(jdbc, fresh, "Your email address was changed")).hasSize(1);
        assertThat(mail(jdbc, old, "Your email address was changed")).singleElement().asString().contains(fresh);

        assertThat(profiles.confirmEmailChange(token)).as("the link works once").isEqualTo(EmailChangeOutcome.USED);
        assertThat(profiles.emailChangeLink(token).problem()).isEqualTo(EmailChangeOutcome.USED);
        assertThat(profiles.confirmEmailChange("not-a-token")).isEqualTo(EmailChangeOutcome.UNKNOWN);
    }

    @Test
    void a_confirmation_link_expires_after_24_hours() {
        String old = signedInCustomer("late");
        String fresh = ProfileFixtures.freshAddress("late-new");
        profiles.requestEmailChange(fresh, PASSWORD);
        String token = confirmationToken(jdbc, fresh);

        ((TestClock) clock).advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(profiles.emailChangeLink(token).usable()).isTrue();
        ((TestClock) clock).advance(Duration.ofMinutes(2));
        assertThat(profiles.emailChangeLink(token).problem()).isEqualTo(EmailChangeOutcome.EXPIRED);
        assertThat(profiles.confirmEmailChange(token)).isEqualTo(EmailChangeOutcome.EXPIRED);
        assertThat(profiles.myProfile().email()).isEqualTo(old);
    }

    @Test
    void the_email_change_asks_for_the_current_password() {
        String old = signedInCustomer("reauth");
        String fresh = ProfileFixtures.freshAddress("reauth-new");

        refusedOn(ProfileFields.CURRENT_PASSWORD, () -> profiles.requestEmailChange(fresh, "wrong-password-1"));
        refusedOn(ProfileFields.NEW_EMAIL, () -> profiles.requestEmailChange("not an address", PASSWORD));
        refusedOn(ProfileFields.NEW_EMAIL, () -> profiles.requestEmailChange("a@b.com, c@d.com", PASSWORD));
        refusedOn(ProfileFields.NEW_EMAIL, () -> profiles.requestEmailChange(old, PASSWORD));

        assertThat(mail(jdbc, fresh, "Confirm your new email address")).isEmpty();
        assertThat(profiles.myProfile().pendingEmail()).isNull();
    }

    @Test
    void an_address_of_another_customer_or_of_staff_is_refused_with_the_same_words() {
        signedInCustomer("dup");

        assertThatThrownBy(() -> profiles.requestEmailChange("Sam.Borrower@example.com", PASSWORD))
                .hasMessage(ProfileService.ADDRESS_UNAVAILABLE);
        assertThatThrownBy(() -> profiles.requestEmailChange("staff@example.com", PASSWORD))
                .hasMessage(ProfileService.ADDRESS_UNAVAILABLE);
        assertThat(ProfileService.ADDRESS_UNAVAILABLE).doesNotContainIgnoringCase("staff")
                .doesNotContainIgnoringCase("customer");
    }

    @Test
    void an_address_taken_between_request_and_confirmation_is_refused_at_confirmation() {
        String old = signedInCustomer("race");
        String fresh = ProfileFixtures.freshAddress("race-new");
        profiles.requestEmailChange(fresh, PASSWORD);
        String token = confirmationToken(jdbc, fresh);
        SystemTask.run(() -> customers.create(fresh, "Quick", "Taker", null, PASSWORD));

        assertThat(profiles.confirmEmailChange(token)).isEqualTo(EmailChangeOutcome.ADDRESS_UNAVAILABLE);
        assertThat(profiles.myProfile().email()).isEqualTo(old);
        assertThat(profiles.myProfile().pendingEmail()).isNull();
        assertThat(audited(jdbc, old, "EMAIL_CHANGED")).isZero();
    }

    @Test
    void a_newer_request_or_a_cancellation_makes_the_earlier_link_useless() {
        String old = signedInCustomer("twice");
        String first = ProfileFixtures.freshAddress("first");
        String second = ProfileFixtures.freshAddress("second");
        profiles.requestEmailChange(first, PASSWORD);
        profiles.requestEmailChange(second, PASSWORD);
        String firstToken = confirmationToken(jdbc, first);
        String secondToken = confirmationToken(jdbc, second);

        assertThat(profiles.emailChangeLink(firstToken).problem()).isEqualTo(EmailChangeOutcome.USED);
        assertThat(profiles.confirmEmailChange(firstToken)).isEqualTo(EmailChangeOutcome.USED);

        profiles.cancelEmailChange();
        assertThat(audited(jdbc, old, "EMAIL_CHANGE_CANCELLED")).isOne();
        assertThat(profiles.confirmEmailChange(secondToken)).isEqualTo(EmailChangeOutcome.USED);
        assertThat(profiles.myProfile().email()).isEqualTo(old);
    }

    @Test
    void phone_and_mailing_address_are_stored_tidied_audited_and_emailed() {
        String email = signedInCustomer("contact");

        profiles.updateContact(new ContactDetails("1-212-555-0147", " 12  Main Street ", "", "New York", "ny", "100011234"));

        ProfileDetails saved = profiles.myProfile();
        assertThat(List.of(saved.phone(), saved.streetLine1(), saved.city(), saved.state(), saved.zip()))
                .containsExactly("(212) 555-0147", "12 Main Street", "New York", "NY", "10001-1234");
        assertThat(saved.streetLine2()).isNull();
        assertThat(audited(jdbc, email, "CONTACT_CHANGED")).isOne();
        assertThat(mail(jdbc, email, "Your contact details were changed")).singleElement().asString()
                .contains("(212) 555-0147", "12 Main Street, New York, NY 10001-1234");
    }

    @Test
    void paperless_consent_is_recorded_with_its_time_and_disclosure_version_and_can_be_withdrawn() {
        String email = signedInCustomer("paperless");
        assertThat(profiles.myProfile().paperless()).isEqualTo(PaperlessStatus.NEVER);

        refusedOn(ProfileFields.PAPERLESS, () -> profiles.consentToPaperless("2000-01"));
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        profiles.consentToPaperless(PaperlessDisclosure.VERSION);
        Instant after = clock.instant();

        PaperlessStatus consented = profiles.myProfile().paperless();
        assertThat(consented.consented()).isTrue();
        assertThat(consented.disclosureVersion()).isEqualTo(PaperlessDisclosure.VERSION);
        assertThat(consented.consentedAt()).isBetween(before, after);
        refusedOn(ProfileFields.PAPERLESS, () -> profiles.consentToPaperless(PaperlessDisclosure.VERSION));

        ((TestClock) clock).advance(Duration.ofDays(3));
        Instant withdrawing = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        profiles.withdrawPaperless();

        PaperlessStatus withdrawn = profiles.myProfile().paperless();
        assertThat(withdrawn.consented()).isFalse();
        assertThat(withdrawn.withdrawnAt()).isBetween(withdrawing, clock.instant());
        assertThat(withdrawn.consentedAt()).isEqualTo(consented.consentedAt());
        refusedOn(ProfileFields.PAPERLESS, profiles::withdrawPaperless);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM paperless_consents c JOIN customers u ON u.id = c.customer_id "
                        + "WHERE u.email = :email AND c.withdrawn_at IS NOT NULL AND c.email = :email")
                .param("email", email).query(Long.class).single()).isOne();
        assertThat(audited(jdbc, email, "PAPERLESS_CONSENTED")).isOne();
        assertThat(audited(jdbc, email, "PAPERLESS_WITHDRAWN")).isOne();
        assertThat(mail(jdbc, email, "You chose paperless statements and notices")).hasSize(1);
        assertThat(mail(jdbc, email, "You chose paper statements and notices")).hasSize(1);

        profiles.consentToPaperless(PaperlessDisclosure.VERSION);
        assertThat(profiles.myProfile().paperless().consented()).as("a later consent opens a new record").isTrue();
    }

    @Test
    void during_a_staff_preview_every_change_is_refused_and_the_profile_reads_as_read_only() {
        String email = ProfileFixtures.customer(customers, "previewed");
        long id = SystemTask.call(() -> customers.idOf(email).orElseThrow());
        SignIn.as(users, "staff@example.com");
        previews.start(id, context -> { });

        ProfileDetails seen = profiles.myProfile();
        assertThat(seen.readOnly()).isTrue();
        assertThat(seen.email()).isEqualTo(email);
        List<Executable> changes = List.of(
                () -> profiles.changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD),
                () -> profiles.requestEmailChange(ProfileFixtures.freshAddress("preview"), PASSWORD),
                profiles::cancelEmailChange,
                () -> profiles.updateContact(new ContactDetails("212 555 0147", "1 Elm St", null, "Albany", "NY", "12207")),
                () -> profiles.consentToPaperless(PaperlessDisclosure.VERSION),
                profiles::withdrawPaperless,
                () -> profiles.confirmEmailChange("any-token"));
        for (Executable change : changes) {
            assertThatThrownBy(change::execute).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(profiles.myProfile().phone()).isNull();
        assertThat(profiles.myProfile().paperless().consented()).isFalse();
        assertThat(passwordEncoder.matches(PASSWORD, hashOf(email))).isTrue();
    }

    @Test
    void nobody_signed_in_reads_no_profile() {
        assertThatThrownBy(() -> profiles.myProfile()).isInstanceOf(org.springframework.security.core.AuthenticationException.class);
    }
}
