package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditQuery;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.AccountsLayout;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.settings.PaymentType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreviewServiceTest extends ServiceTest {

    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    AccountService accounts;
    @Autowired
    AuditService audit;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    PaymentService payments;
    @Autowired
    DocumentService documents;

    private final List<SecurityContext> saved = new ArrayList<>();

    private long jane() {
        return SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
    }

    @Test
    void during_a_preview_the_customer_is_served_and_the_staff_member_acts() {
        SignIn.as(users, "staff@example.com");
        previews.start(jane(), saved::add);

        assertThat(currentUser.previewing()).isTrue();
        assertThat(currentUser.customer().email()).isEqualTo("jane.borrower@example.com");
        assertThat(currentUser.actor().orElseThrow().email()).isEqualTo("staff@example.com");
        assertThat(accounts.myAccounts()).hasSize(2);
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().getAuthentication()).isInstanceOf(PreviewAuthentication.class);
    }

    @Test
    void a_state_changing_call_during_a_preview_is_refused_and_changes_nothing() {
        SignIn.as(users, "staff@example.com");
        previews.start(jane(), saved::add);
        AccountsLayout before = customers.accountsLayout();

        AccountsLayout other = before == AccountsLayout.CARDS ? AccountsLayout.LIST : AccountsLayout.CARDS;
        assertThatThrownBy(() -> customers.changeAccountsLayout(other)).isInstanceOf(AccessDeniedException.class);
        assertThat(customers.accountsLayout()).isEqualTo(before);
    }

    @Test
    void the_customer_herself_may_make_the_same_change() {
        SignIn.as(users, "jane.borrower@example.com");
        AccountsLayout before = customers.accountsLayout();
        AccountsLayout other = before == AccountsLayout.CARDS ? AccountsLayout.LIST : AccountsLayout.CARDS;
        customers.changeAccountsLayout(other);
        assertThat(customers.accountsLayout()).isEqualTo(other);
        customers.changeAccountsLayout(before);

        SignIn.as(users, "admin@example.com");
        // The log lists newest first by time, and other tests' payments may be stamped later by the test clock.
        assertThat(audit.search(new AuditQuery(jane(), null, null, AuditAction.PREFERENCE_CHANGED, null, null, 200)))
                .first().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PREFERENCE_CHANGED);
            assertThat(e.actor()).isEqualTo("jane.borrower@example.com");
        });
    }

    @Test
    void a_refused_change_is_audited_with_both_identities() {
        SignIn.as(users, "staff@example.com");
        previews.start(jane(), saved::add);
        previews.recordRefusedChange("Access Denied");
        previews.stop(saved::add);
        assertThat(audit.search(AuditQuery.forCustomer(jane())))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.PREVIEW_CHANGE_REFUSED);
                    assertThat(e.actor()).isEqualTo("staff@example.com");
                    assertThat(e.customer()).isEqualTo("jane.borrower@example.com");
                });
    }

    @Test
    void a_refused_call_during_a_preview_is_audited_with_the_method_it_refused() {
        SignIn.as(users, "staff@example.com");
        previews.start(jane(), saved::add);
        AccountsLayout before = customers.accountsLayout();
        AccountsLayout other = before == AccountsLayout.CARDS ? AccountsLayout.LIST : AccountsLayout.CARDS;

        assertThatThrownBy(() -> customers.changeAccountsLayout(other))
                .isInstanceOf(PreviewChangeRefusedException.class).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> payments.submit(new PaymentRequest("AUTO-100482", PaymentType.CUSTOM,
                new BigDecimal("10.00"), 1L, null, "any-key-at-all-0001"))).isInstanceOf(AccessDeniedException.class);
        previews.stop(saved::add);

        List<AuditEntry> refused = audit.search(new AuditQuery(jane(), "staff@example.com", null,
                AuditAction.PREVIEW_CHANGE_REFUSED, null, null, 2));
        assertThat(refused).extracting(AuditEntry::detail)
                .containsExactly("PaymentService.submit", "CustomerService.changeAccountsLayout");
        assertThat(refused).allSatisfy(e -> assertThat(e.customer()).isEqualTo("jane.borrower@example.com"));
    }

    @Test
    void a_refusal_outside_a_preview_is_not_recorded_as_a_preview_refusal() {
        SignIn.as(users, "staff@example.com");
        int before = audit.search(new AuditQuery(null, "staff@example.com", null, AuditAction.PREVIEW_CHANGE_REFUSED,
                null, null, 1000)).size();
        assertThatThrownBy(() -> customers.changeAccountsLayout(AccountsLayout.LIST))
                .isInstanceOf(AccessDeniedException.class).isNotInstanceOf(PreviewChangeRefusedException.class);
        assertThat(audit.search(new AuditQuery(null, "staff@example.com", null, AuditAction.PREVIEW_CHANGE_REFUSED,
                null, null, 1000))).hasSize(before);
    }

    @Test
    void downloads_during_a_preview_are_audited_with_both_identities_and_the_customers_own_are_not() {
        SignIn.as(users, "admin@example.com");
        int before = previewDownloadsOfJane().size();
        SignIn.as(users, "jane.borrower@example.com");
        accounts.historyCsv("AUTO-100482");
        SignIn.as(users, "admin@example.com");
        assertThat(previewDownloadsOfJane()).as("the customer's own download is no preview download").hasSize(before);

        SignIn.as(users, "staff@example.com");
        previews.start(jane(), saved::add);
        accounts.historyCsv("AUTO-100482");
        accounts.transactionsPdf("AUTO-100482");
        DocumentSummary document = documents.documents("AUTO-100482").stream().findFirst()
                .orElseThrow(() -> new AssertionError("the demo loan AUTO-100482 should have a document"));
        documents.writeContent("AUTO-100482", document.id(), new ByteArrayOutputStream());
        previews.stop(saved::add);

        List<AuditEntry> all = previewDownloadsOfJane();
        assertThat(all).hasSize(before + 3);
        List<AuditEntry> downloads = all.subList(0, 3);
        assertThat(downloads).extracting(AuditEntry::detail).satisfiesExactly(
                first -> assertThat(first).startsWith("Document " + document.reference() + "."),
                second -> assertThat(second).isEqualTo("Transaction history (PDF)"),
                third -> assertThat(third).isEqualTo("Transaction history (CSV)"));
        assertThat(downloads).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("staff@example.com");
            assertThat(e.customer()).isEqualTo("jane.borrower@example.com");
            assertThat(e.loanNumber()).isEqualTo("AUTO-100482");
        });
    }

    /** Newest first, as the log shows them. */
    private List<AuditEntry> previewDownloadsOfJane() {
        return audit.search(new AuditQuery(jane(), null, null, AuditAction.PREVIEW_DOWNLOAD, null, null, 1000));
    }

    @Test
    void start_page_views_and_stop_are_audited_with_both_identities() {
        SignIn.as(users, "staff@example.com");
        long jane = jane();
        previews.start(jane, saved::add);
        previews.recordPageView("accounts/AUTO-100482/summary", "AUTO-100482");
        previews.stop(saved::add);

        assertThat(currentUser.previewing()).isFalse();
        assertThat(currentUser.actor().orElseThrow().email()).isEqualTo("staff@example.com");
        List<AuditEntry> log = audit.search(AuditQuery.forCustomer(jane));
        assertThat(log).extracting(AuditEntry::action).containsSubsequence(
                AuditAction.PREVIEW_ENDED, AuditAction.PREVIEW_PAGE_VIEWED, AuditAction.PREVIEW_STARTED);
        assertThat(log).filteredOn(e -> e.action() == AuditAction.PREVIEW_PAGE_VIEWED).first().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("staff@example.com");
            assertThat(e.customer()).isEqualTo("jane.borrower@example.com");
            assertThat(e.loanNumber()).isEqualTo("AUTO-100482");
            assertThat(e.detail()).isEqualTo("/accounts/AUTO-100482/summary");
        });
        assertThat(audit.verifyChain()).isTrue();
    }

    @Test
    void customers_cannot_start_a_preview() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> previews.start(jane(), saved::add)).isInstanceOf(AccessDeniedException.class);
        assertThat(saved).isEmpty();
    }

    @Test
    void a_preview_cannot_be_nested_and_staff_screens_are_closed_while_it_runs() {
        SignIn.as(users, "staff@example.com");
        previews.start(jane(), saved::add);
        assertThatThrownBy(() -> previews.start(jane(), saved::add)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customers.search("jane", java.util.Set.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void stopping_without_a_preview_is_refused() {
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> previews.stop(saved::add)).isInstanceOf(AccessDeniedException.class);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getPrincipal()).isInstanceOf(PortalUser.class);
    }
}
