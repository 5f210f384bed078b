package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditQuery;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.SecondFactorService.Confirmation;
import io.borrowerportal.security.SecondFactorService.Enrolment;
import io.borrowerportal.security.SecondFactorService.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecondFactorServiceTest extends ServiceTest {

    private static final String PASSWORD = "a-long-test-password";

    @Autowired
    SecondFactorService secondFactors;
    @Autowired
    SignInAuthenticationProvider passwordStep;
    @Autowired
    StaffDirectory staffDirectory;
    @Autowired
    CustomerService customers;
    @Autowired
    PreviewService previews;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    private final List<SecurityContext> saved = new ArrayList<>();

    /** Signs in through the real password step, as the login form does. */
    private Authentication password(String email) {
        return password(email, PASSWORD);
    }

    private Authentication password(String email, String password) {
        Authentication auth = passwordStep.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        return auth;
    }

    private static List<String> authorities(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static Authentication current() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private String newStaff(String role) {
        String email = "mfa-" + UUID.randomUUID() + "@example.com";
        SystemTask.run(() -> staffDirectory.create(email, "Test Staff", role, PASSWORD));
        return email;
    }

    private String newCustomer() {
        String email = "mfa-" + UUID.randomUUID() + "@example.com";
        SystemTask.run(() -> customers.create(email, "Tess", "Factor", "+1 555 0199", PASSWORD));
        return email;
    }

    /** Enrols whoever is signed in (pending staff or a customer); returns the secret and the recovery codes. */
    private Enrolled enrol() {
        boolean pending = SecondFactorService.pending(current());
        Enrolment enrolment = pending ? secondFactors.startEnrolment() : secondFactors.startCustomerEnrolment();
        Confirmation confirmation = pending ? secondFactors.confirmEnrolment(codeNow(enrolment.secret()), saved::add)
                : secondFactors.confirmCustomerEnrolment(codeNow(enrolment.secret()), saved::add);
        assertThat(confirmation.confirmed()).isTrue();
        return new Enrolled(enrolment.secret(), confirmation.recoveryCodes());
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {
    }

    private static String codeNow(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()));
    }

    private static String codeNext(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + 1);
    }

    private List<AuditEntry> auditOf(String actor, AuditAction action) {
        SecurityContext own = SecurityContextHolder.getContext();
        SignIn.as(users, "admin@example.com");
        try {
            return audit.search(new AuditQuery(null, actor, null, action, null, null, 50));
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }

    @Test
    void staff_who_passed_only_the_password_hold_no_role_and_cannot_call_a_staff_service() {
        String email = newStaff(Role.STAFF);

        Authentication auth = password(email);

        assertThat(authorities(auth)).containsExactlyInAnyOrder("FACTOR_PASSWORD", "ROLE_" + Role.FACTOR_PENDING);
        assertThat(SecondFactorService.pending(auth)).isTrue();
        assertThatThrownBy(() -> secondFactors.customerHasFactor(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> previews.start(1, saved::add)).isInstanceOf(AccessDeniedException.class);
        assertThat(secondFactors.mustEnrol()).isTrue();
    }

    @Test
    void staff_who_set_up_the_app_hold_their_role_and_both_factors_and_may_call_staff_services() {
        String email = newStaff(Role.STAFF);
        password(email);

        Enrolled enrolled = enrol();

        assertThat(enrolled.recoveryCodes()).hasSize(SecondFactorService.RECOVERY_CODES).doesNotHaveDuplicates();
        assertThat(authorities(current())).containsExactlyInAnyOrder("ROLE_STAFF", "FACTOR_PASSWORD", SecondFactorService.TOTP_FACTOR);
        assertThat(saved).last().extracting(SecurityContext::getAuthentication).isSameAs(current());
        assertThat(secondFactors.customerHasFactor(1)).isFalse();
        assertThat(auditOf(email, AuditAction.SECOND_FACTOR_ENROLLED)).hasSize(1);

        // The next sign-in: the password, then a code.
        password(email);
        assertThat(SecondFactorService.pending(current())).isTrue();
        assertThat(secondFactors.mustEnrol()).isFalse();
        assertThat(secondFactors.verify(codeNext(enrolled.secret()), saved::add)).isEqualTo(Outcome.VERIFIED);
        assertThat(authorities(current())).contains("ROLE_STAFF", SecondFactorService.TOTP_FACTOR);
        assertThat(auditOf(email, AuditAction.SECOND_FACTOR_VERIFIED)).hasSize(1);
    }

    @Test
    void a_code_is_accepted_once_and_refused_when_replayed() {
        String email = newStaff(Role.STAFF);
        password(email);
        Enrolled enrolled = enrol();
        String code = codeNext(enrolled.secret());

        password(email);
        assertThat(secondFactors.verify(code, saved::add)).isEqualTo(Outcome.VERIFIED);
        password(email);
        assertThat(secondFactors.verify(code, saved::add)).isEqualTo(Outcome.WRONG_CODE);

        assertThat(SecondFactorService.pending(current())).isTrue();
        assertThat(auditOf(email, AuditAction.SECOND_FACTOR_WRONG_CODE)).hasSize(1);
    }

    @Test
    void the_enrolment_code_itself_cannot_be_replayed_at_the_next_sign_in() {
        String email = newStaff(Role.ADMIN);
        password(email);
        Enrolment enrolment = secondFactors.startEnrolment();
        String code = codeNow(enrolment.secret());
        assertThat(secondFactors.confirmEnrolment(code, saved::add).confirmed()).isTrue();

        password(email);
        assertThat(secondFactors.verify(code, saved::add)).isEqualTo(Outcome.WRONG_CODE);
    }

    @Test
    void a_recovery_code_signs_in_once() {
        String email = newStaff(Role.STAFF);
        password(email);
        Enrolled enrolled = enrol();
        String recovery = enrolled.recoveryCodes().getFirst();

        password(email);
        assertThat(secondFactors.useRecoveryCode(recovery.toUpperCase(), saved::add)).isEqualTo(Outcome.VERIFIED);
        assertThat(authorities(current())).contains("ROLE_STAFF");
        password(email);
        assertThat(secondFactors.useRecoveryCode(recovery, saved::add)).isEqualTo(Outcome.WRONG_CODE);
        assertThat(secondFactors.useRecoveryCode(enrolled.recoveryCodes().get(1), saved::add)).isEqualTo(Outcome.VERIFIED);

        assertThat(auditOf(email, AuditAction.SECOND_FACTOR_RECOVERY_CODE_USED)).extracting(AuditEntry::detail)
                .containsExactlyInAnyOrder("Signed in with a recovery code; 9 left", "Signed in with a recovery code; 8 left");
    }

    @Test
    void five_wrong_codes_in_a_row_end_the_attempt() {
        String email = newStaff(Role.STAFF);
        password(email);
        Enrolled enrolled = enrol();
        String wrong = codeNow(enrolled.secret()).equals("000000") ? "111111" : "000000";

        password(email);
        for (int i = 1; i < SecondFactorService.MAX_WRONG_CODES; i++) {
            assertThat(secondFactors.verify(wrong, saved::add)).isEqualTo(Outcome.WRONG_CODE);
        }
        assertThat(secondFactors.verify(wrong, saved::add)).isEqualTo(Outcome.TOO_MANY_WRONG_CODES);
        assertThat(auditOf(email, AuditAction.SECOND_FACTOR_WRONG_CODE)).hasSize(SecondFactorService.MAX_WRONG_CODES);
        // The count starts over: the next sign-in gets its own attempts.
        assertThat(secondFactors.verify(wrong, saved::add)).isEqualTo(Outcome.WRONG_CODE);
    }

    @Test
    void ten_wrong_codes_over_two_sign_ins_lock_the_account_so_guessing_cannot_go_on() {
        String email = newStaff(Role.STAFF);
        password(email);
        Enrolled enrolled = enrol();
        String wrong = codeNow(enrolled.secret()).equals("000000") ? "111111" : "000000";

        password(email);
        for (int i = 1; i <= SecondFactorService.MAX_WRONG_CODES; i++) {
            secondFactors.verify(wrong, saved::add);
        }
        password(email);
        for (int i = 1; i < SecondFactorService.MAX_WRONG_CODES; i++) {
            assertThat(secondFactors.verify(wrong, saved::add)).isEqualTo(Outcome.WRONG_CODE);
        }
        assertThat(secondFactors.verify(wrong, saved::add)).as("the tenth failure starts the lock")
                .isEqualTo(Outcome.TOO_MANY_WRONG_CODES);
        assertThat(secondFactors.verify(codeNow(enrolled.secret()), saved::add)).as("even the right code, while locked")
                .isEqualTo(Outcome.TOO_MANY_WRONG_CODES);
        assertThatThrownBy(() -> password(email)).as("and the password")
                .isInstanceOf(org.springframework.security.authentication.BadCredentialsException.class);
    }

    @Test
    void a_pending_sign_in_cannot_replace_a_factor_already_set_up() {
        String email = newStaff(Role.STAFF);
        password(email);
        enrol();

        password(email);
        assertThatThrownBy(() -> secondFactors.startEnrolment()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_secret_is_stored_encrypted() {
        String email = newStaff(Role.STAFF);
        password(email);
        Enrolled enrolled = enrol();

        long id = ((PortalUser) current().getPrincipal()).id();
        String stored = jdbc.queryForObject("select secret_cipher from second_factors where owner_kind = 'STAFF' and owner_id = ?",
                String.class, id);
        assertThat(stored).startsWith("v1:").doesNotContain(enrolled.secret());
        List<String> hashes = jdbc.queryForList("select c.code_hash from second_factor_recovery_codes c join second_factors f "
                + "on f.id = c.second_factor_id where f.owner_kind = 'STAFF' and f.owner_id = ?", String.class, id);
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes())
                .contains(SecondFactorService.hash(enrolled.recoveryCodes().getFirst()));
    }

    @Test
    void a_customer_without_a_factor_signs_in_with_the_password_alone_and_may_turn_it_on_and_off() {
        String email = newCustomer();

        Authentication auth = password(email);
        assertThat(authorities(auth)).containsExactlyInAnyOrder("ROLE_CUSTOMER", "FACTOR_PASSWORD");
        assertThat(secondFactors.myStatus().on()).isFalse();

        Enrolled enrolled = enrol();
        assertThat(secondFactors.myStatus()).isEqualTo(new SecondFactorService.FactorStatus(true, 10));

        Authentication next = password(email);
        assertThat(authorities(next)).containsExactlyInAnyOrder("ROLE_" + Role.FACTOR_PENDING, "FACTOR_PASSWORD");
        assertThatThrownBy(() -> secondFactors.myStatus()).isInstanceOf(AccessDeniedException.class);
        assertThat(secondFactors.useRecoveryCode(enrolled.recoveryCodes().getFirst(), saved::add)).isEqualTo(Outcome.VERIFIED);
        assertThat(authorities(current())).contains("ROLE_CUSTOMER", SecondFactorService.TOTP_FACTOR);

        String wrong = codeNext(enrolled.secret()).equals("000000") ? "111111" : "000000";
        assertThat(secondFactors.turnOff(wrong)).isFalse();
        assertThat(secondFactors.myStatus().on()).isTrue();
        assertThat(secondFactors.turnOff(codeNext(enrolled.secret()))).isTrue();
        assertThat(secondFactors.myStatus().on()).isFalse();
        assertThat(auditOf(email, AuditAction.SECOND_FACTOR_TURNED_OFF)).hasSize(1);
        assertThat(authorities(password(email))).containsExactlyInAnyOrder("ROLE_CUSTOMER", "FACTOR_PASSWORD");
    }

    @Test
    void staff_reset_a_customers_factor_with_an_audit_entry_and_an_email() {
        String email = newCustomer();
        password(email);
        enrol();
        long customerId = ((PortalUser) current().getPrincipal()).id();
        int emailsBefore = jdbc.queryForObject("select count(*) from email_outbox where recipient = ?", Integer.class, email);

        SignIn.as(users, "staff@example.com");
        assertThat(secondFactors.customerHasFactor(customerId)).isTrue();
        assertThat(secondFactors.resetCustomer(customerId)).isTrue();
        assertThat(secondFactors.customerHasFactor(customerId)).isFalse();

        assertThat(auditOf("staff@example.com", AuditAction.SECOND_FACTOR_RESET))
                .anySatisfy(e -> {
                    assertThat(e.customerId()).isEqualTo(customerId);
                    assertThat(e.customer()).isEqualTo(email);
                });
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where recipient = ? and subject = ?",
                Integer.class, email, SecondFactorService.RESET_SUBJECT)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from email_outbox where recipient = ?", Integer.class, email))
                .isEqualTo(emailsBefore + 1);
        // Back to the password alone.
        assertThat(authorities(password(email))).contains("ROLE_CUSTOMER");
    }

    @Test
    void a_reset_is_refused_during_a_preview_and_to_customers() {
        String email = newCustomer();
        password(email);
        enrol();
        long customerId = ((PortalUser) current().getPrincipal()).id();
        assertThatThrownBy(() -> secondFactors.resetCustomer(customerId)).isInstanceOf(AccessDeniedException.class);

        SignIn.as(users, "staff@example.com");
        previews.start(customerId, saved::add);
        assertThatThrownBy(() -> secondFactors.resetCustomer(customerId)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> secondFactors.startCustomerEnrolment()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> secondFactors.startEnrolment()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> secondFactors.myStatus()).isInstanceOf(AccessDeniedException.class);

        SignIn.as(users, "staff@example.com");
        assertThat(secondFactors.customerHasFactor(customerId)).isTrue();
    }

    @Test
    void an_admin_resets_a_staff_members_factor_and_they_enrol_again_at_the_next_sign_in() {
        String email = newStaff(Role.STAFF);
        password(email);
        enrol();
        long staffId = ((PortalUser) current().getPrincipal()).id();

        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> secondFactors.resetStaff(staffId)).isInstanceOf(AccessDeniedException.class);

        SignIn.as(users, "admin@example.com");
        assertThat(secondFactors.staffFactors()).filteredOn(f -> f.staffId() == staffId).singleElement()
                .satisfies(f -> assertThat(f.on()).isTrue());
        secondFactors.resetStaff(staffId);
        assertThat(secondFactors.staffFactors()).filteredOn(f -> f.staffId() == staffId).singleElement()
                .satisfies(f -> assertThat(f.on()).isFalse());
        assertThat(auditOf("admin@example.com", AuditAction.SECOND_FACTOR_RESET))
                .anySatisfy(e -> assertThat(e.detail()).contains(email));

        password(email);
        assertThat(SecondFactorService.pending(current())).isTrue();
        assertThat(secondFactors.mustEnrol()).isTrue();
    }

    @Test
    void the_demo_staff_logins_have_their_published_factor_and_the_demo_customers_none() {
        SignIn.as(users, "admin@example.com");
        assertThat(secondFactors.staffFactors())
                .filteredOn(f -> f.email().equals("staff@example.com") || f.email().equals("admin@example.com"))
                .hasSize(2).allSatisfy(f -> assertThat(f.on()).isTrue());
        long jane = SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
        assertThat(secondFactors.customerHasFactor(jane)).isFalse();
        assertThat(authorities(password("jane.borrower@example.com", "demo-password-1"))).contains("ROLE_CUSTOMER");
        assertThat(authorities(password("staff@example.com", "demo-password-1"))).doesNotContain("ROLE_STAFF")
                .contains("ROLE_" + Role.FACTOR_PENDING);
    }
}
