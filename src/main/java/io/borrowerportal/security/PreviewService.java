package io.borrowerportal.security;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsProblem;
import io.borrowerportal.settings.SettingsRejectedException;
import io.borrowerportal.settings.SettingsService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Starts and ends a staff member's read-only preview of a customer's website. The swap is made on
 * the security context, so every service and the route access checks see the customer as served and
 * the staff member as actor. The caller stores the new context in the HTTP session
 * ({@code contextSaver}), which keeps this class free of Vaadin and servlet types.
 */
@Service
public class PreviewService {

    private final CustomerLogins customers;
    private final AuditService audit;
    private final SettingsService settings;

    PreviewService(CustomerLogins customers, AuditService audit, SettingsService settings) {
        this.customers = customers;
        this.audit = audit;
        this.settings = settings;
    }

    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public PortalUser start(long customerId, Consumer<SecurityContext> contextSaver) {
        Authentication staff = SecurityContextHolder.getContext().getAuthentication();
        PortalUser customer = customer(customerId);
        PreviewAuthentication preview = new PreviewAuthentication(customer, staff);
        install(preview, contextSaver);
        record(preview, null, AuditAction.PREVIEW_STARTED, "Preview of " + customer.displayName() + " started");
        return customer;
    }

    /**
     * Starts a preview of the customer's website as it would look with the unsaved settings in {@code draft}
     * (issue #12): every settings read during the preview answers the draft (a copy: later edits do not change
     * it). Read-only like every preview. The audit row notes that the preview used unsaved settings and which.
     *
     * @throws SettingsRejectedException when the draft could not be saved as it is: it cannot be previewed either
     */
    @PreAuthorize("hasRole('ADMIN') and !hasRole('PREVIEW')")
    public PortalUser start(long customerId, SettingsDraft draft, Consumer<SecurityContext> contextSaver) {
        List<SettingsProblem> problems = settings.check(draft);
        if (!problems.isEmpty()) {
            throw new SettingsRejectedException(problems);
        }
        String unsaved = settings.changes(draft).stream()
                .map(change -> change.field().label() + ": " + change.before() + " → " + change.after())
                .collect(Collectors.joining("; "));
        Authentication staff = SecurityContextHolder.getContext().getAuthentication();
        PortalUser customer = customer(customerId);
        PreviewAuthentication preview = new PreviewAuthentication(customer, staff, draft.copy());
        install(preview, contextSaver);
        record(preview, null, AuditAction.PREVIEW_STARTED, "Preview of " + customer.displayName()
                + " started with unsaved settings" + (unsaved.isEmpty() ? " (no changes)" : ": " + unsaved));
        return customer;
    }

    private PortalUser customer(long customerId) {
        PortalUser customer = customers.findById(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer with id " + customerId));
        // The preview's principal lives in the staff member's HTTP session: it must not carry the hash.
        customer.eraseCredentials();
        return customer;
    }

    /** Ends the preview and restores the staff member's own sign-in. */
    public void stop(Consumer<SecurityContext> contextSaver) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof PreviewAuthentication preview)) {
            throw new AccessDeniedException("No preview is active");
        }
        install(preview.actorAuthentication(), contextSaver);
        record(preview, null, AuditAction.PREVIEW_ENDED, "Preview of " + preview.getPrincipal().displayName() + " ended");
    }

    /** Records that the staff member looked at a page of the customer's website. */
    public void recordPageView(String path, String loanNumber) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PreviewAuthentication preview) {
            record(preview, loanNumber, AuditAction.PREVIEW_PAGE_VIEWED, "/" + path);
        }
    }

    /**
     * Records that the staff member downloaded or opened a file of the customer's (a document, a receipt, a
     * transaction history): a copy may have left the lender's screens. Does nothing outside a preview.
     */
    public void recordDownload(String loanNumber, String what) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PreviewAuthentication preview) {
            record(preview, loanNumber, AuditAction.PREVIEW_DOWNLOAD, what);
        }
    }

    /** Records that a change was refused because a preview is read-only. */
    public void recordRefusedChange(String what) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof PreviewAuthentication preview) {
            record(preview, null, AuditAction.PREVIEW_CHANGE_REFUSED, what);
        }
    }

    /** Every preview audit row names both identities: the staff member acting and the customer served. */
    private void record(PreviewAuthentication preview, String loanNumber, AuditAction action, String detail) {
        PortalUser actor = preview.actor();
        PortalUser customer = preview.getPrincipal();
        audit.record(actor.email(), actor.role(), customer.id(), customer.email(), loanNumber, action, detail);
    }

    private void install(Authentication authentication, Consumer<SecurityContext> contextSaver) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contextSaver.accept(context);
    }
}
