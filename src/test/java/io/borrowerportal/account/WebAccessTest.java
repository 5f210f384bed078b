package io.borrowerportal.account;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.autopay.AutoPayQueries;
import io.borrowerportal.common.InvalidValueException;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerWebAccess;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewBankProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Web access per loan and per customer (decision 025): staff switch it with a reason, audited; the customer then
 * reaches neither the loan's pages nor its services. Each test leaves the demo data as it found it.
 */
class WebAccessTest extends ServiceTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String AUTO = "AUTO-100482";
    private static final String PERSONAL = "PL-200731";

    @Autowired
    AccountWebAccess loanAccess;
    @Autowired
    CustomerWebAccess customerAccess;
    @Autowired
    AccountService accounts;
    @Autowired
    LedgerPosting posting;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    AutoPayQueries autopays;
    @Autowired
    DocumentService documents;
    @Autowired
    InsuranceService insurance;
    @Autowired
    CustomerService customers;
    @Autowired
    PreviewService previews;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void restoreDemoData() {
        jdbc.sql("UPDATE loan_accounts SET web_access = TRUE, web_access_reason = NULL, web_access_changed_at = NULL, "
                + "web_access_changed_by = NULL WHERE loan_number IN ('AUTO-100482', 'PL-200731')").update();
        jdbc.sql("UPDATE customers SET web_access = TRUE, web_access_reason = NULL, web_access_changed_at = NULL, "
                + "web_access_changed_by = NULL").update();
    }

    @Test
    void staff_switch_one_loan_off_with_a_reason_and_the_customer_no_longer_reaches_it() {
        SignIn.as(users, "staff@example.com");
        LoanWebAccess off = loanAccess.switchWebAccess(AUTO, false, "  Dispute under review  ");
        assertThat(off.on()).isFalse();
        assertThat(off.reason()).isEqualTo("Dispute under review");
        assertThat(off.changedBy()).isEqualTo("staff@example.com");
        assertThat(off.changedAt()).isNotNull();
        assertThat(lastAudit(AuditAction.LOAN_WEB_ACCESS_OFF))
                .isEqualTo(List.of("staff@example.com", AUTO, "Web access to AUTO-100482 switched off. Reason: Dispute under review"));

        SignIn.as(users, JANE);
        assertThat(accounts.myAccounts()).extracting(AccountSummary::loanNumber).containsExactly(PERSONAL);
        assertRefusedOn(AUTO);
        assertThat(accounts.detail(PERSONAL).info().loanNumber()).isEqualTo(PERSONAL);

        SignIn.as(users, "admin@example.com");
        assertThat(loanAccess.switchWebAccess(AUTO, true, "Dispute resolved").on()).isTrue();
        assertThat(lastAudit(AuditAction.LOAN_WEB_ACCESS_ON)).last().asString().endsWith("Reason: Dispute resolved");
        SignIn.as(users, JANE);
        assertThat(accounts.myAccounts()).extracting(AccountSummary::loanNumber).containsExactly(AUTO, PERSONAL);
    }

    @Test
    void the_customer_wide_switch_closes_every_loan_and_every_service_the_customer_has() {
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        SignIn.as(users, JANE);
        assertThat(profiles.myProfiles()).isNotEmpty();

        SignIn.as(users, "staff@example.com");
        assertThat(customerAccess.switchWebAccess(jane, false, "Fraud review").on()).isFalse();
        assertThat(customerAccess.state(jane).reason()).isEqualTo("Fraud review");
        assertThat(lastAudit(AuditAction.CUSTOMER_WEB_ACCESS_OFF)).containsExactly("staff@example.com", null,
                "Web access switched off for the customer and all their loans. Reason: Fraud review");
        // The loans' own switches stay as they were: switching the customer back on restores exactly them.
        assertThat(loanAccess.loansOf(jane)).extracting(LoanWebAccess::on).containsOnly(true);

        SignIn.as(users, JANE);
        assertThat(accounts.myAccounts()).isEmpty();
        assertRefusedOn(AUTO);
        assertRefusedOn(PERSONAL);
        assertThat(profiles.myProfiles()).isEmpty();
        assertThatThrownBy(() -> profiles.addBank(new NewBankProfile("Savings", "Jane Borrower", "021000021",
                "000123456789", "000123456789", BankAccountKind.SAVINGS, false)))
                .isInstanceOf(ProfileRefusedException.class).hasMessageContaining("switched off");

        SignIn.as(users, "staff@example.com");
        customerAccess.switchWebAccess(jane, true, "Review closed");
        SignIn.as(users, JANE);
        assertThat(accounts.myAccounts()).extracting(AccountSummary::loanNumber).containsExactly(AUTO, PERSONAL);
        assertThat(profiles.myProfiles()).isNotEmpty();
    }

    @Test
    void a_staff_preview_of_a_customer_switched_off_shows_what_the_customer_sees_and_changes_nothing() {
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        SignIn.as(users, "staff@example.com");
        customerAccess.switchWebAccess(jane, false, "Fraud review");
        previews.start(jane, context -> { });

        assertThat(accounts.myAccounts()).isEmpty();
        assertThatThrownBy(() -> customerAccess.switchWebAccess(jane, true, "From the preview"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> loanAccess.switchWebAccess(AUTO, false, "From the preview"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_reason_is_required_and_a_refused_switch_changes_and_audits_nothing() {
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        SignIn.as(users, "staff@example.com");
        int audited = auditCount();

        assertThatThrownBy(() -> loanAccess.switchWebAccess(AUTO, false, "   "))
                .isInstanceOf(InvalidValueException.class).hasMessage("Give the reason for the change.");
        assertThatThrownBy(() -> customerAccess.switchWebAccess(jane, false, null))
                .isInstanceOf(InvalidValueException.class).hasMessage("Give the reason for the change.");
        assertThatThrownBy(() -> customerAccess.switchWebAccess(jane, false, "x".repeat(501)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("500 characters");
        assertThatThrownBy(() -> loanAccess.switchWebAccess(AUTO, true, "Already on"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Web access to AUTO-100482 is already on.");
        assertThatThrownBy(() -> loanAccess.switchWebAccess("NO-SUCH-LOAN", false, "Typo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No loan NO-SUCH-LOAN");

        assertThat(auditCount()).isEqualTo(audited);
        assertThat(loanAccess.loansOf(jane)).extracting(LoanWebAccess::on).containsOnly(true);
        assertThat(customerAccess.state(jane).on()).isTrue();
    }

    @Test
    void only_staff_and_admins_switch_web_access() {
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        SignIn.as(users, JANE);
        assertThatThrownBy(() -> loanAccess.switchWebAccess(AUTO, false, "Myself"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customerAccess.switchWebAccess(jane, false, "Myself"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> loanAccess.loansOf(jane)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customerAccess.state(jane)).isInstanceOf(AccessDeniedException.class);
        SignIn.out();
        assertThatThrownBy(() -> loanAccess.switchWebAccess(AUTO, false, "Nobody"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        SignIn.as(users, "admin@example.com");
        assertThat(loanAccess.switchWebAccess(AUTO, false, "Admin may").on()).isFalse();
    }

    /** The loan's pages and every service that takes its loan number answer "not found", as for a stranger's loan. */
    private void assertRefusedOn(String loanNumber) {
        assertThatThrownBy(() -> accounts.detail(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> accounts.reference(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> payments.options(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> payments.payments(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> autopays.autopays(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        assertThat(autopays.alerts(loanNumber)).isEmpty();
        assertThatThrownBy(() -> documents.documents(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        if (AUTO.equals(loanNumber)) {
            assertThatThrownBy(() -> insurance.overview(loanNumber)).isInstanceOf(AccountNotFoundException.class);
        }
        // Posting to the ledger (every payment goes through it) refuses as well, under the account's lock.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                posting.lock(loanNumber, LocalDate.of(2026, 12, 10)))).isInstanceOf(AccountNotFoundException.class);
        List<Long> locked = new TransactionTemplate(transactions).execute(status ->
                posting.lockAll(List.of(loanNumber)).accountIds());
        assertThat(locked).isEmpty();
    }

    private List<String> lastAudit(AuditAction action) {
        return jdbc.sql("SELECT actor, loan_number, detail FROM audit_events WHERE action = :action ORDER BY id DESC LIMIT 1")
                .param("action", action.name())
                .query((rs, row) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    }

    private int auditCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events").query(Integer.class).single();
    }
}
