package io.borrowerportal.customer;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.WebAccessReason;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * A customer's web access as a whole (decision 025): staff switch it off or on with a reason, audited; while it
 * is off the customer reaches none of their loans, whatever each loan's own switch says. The account module
 * asks {@link #servedCustomerHasWebAccess} wherever it resolves a customer's loans, and saved payment methods
 * ask it too, so that one column decides everywhere, read from the database on each call: a switch takes effect
 * on every node at the customer's next request.
 */
@Service
public class CustomerWebAccess {

    private final CustomerRepository customers;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    CustomerWebAccess(CustomerRepository customers, CurrentUser currentUser, AuditService audit, Clock clock) {
        this.customers = customers;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the customer being served (also during a staff preview) may use the website; one primary key read. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CUSTOMER')")
    public boolean servedCustomerHasWebAccess() {
        return customers.webAccess(currentUser.customerId()).orElse(false);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public WebAccessState state(long customerId) {
        return customer(customerId).toWebAccessState();
    }

    /**
     * Switches the customer's web access off or on, with the reason in the audit log and on the customer's row.
     *
     * @throws io.borrowerportal.common.InvalidValueException when the reason is blank or too long
     * @throws IllegalArgumentException for an unknown customer, or when access already is that way
     */
    @Transactional
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public WebAccessState switchWebAccess(long customerId, boolean on, String reason) {
        WebAccessReason why = new WebAccessReason(reason);
        Customer customer = customers.lockById(customerId)
                .orElseThrow(() -> new IllegalArgumentException("No customer " + customerId));
        PortalUser actor = currentUser.actor().orElseThrow();
        if (!customer.switchWebAccess(on, why.text(), clock.instant(), actor.email())) {
            throw new IllegalArgumentException("Web access for " + customer.fullName() + " is already " + (on ? "on." : "off."));
        }
        audit.recordWithin(actor.email(), actor.role(), customer.id(), customer.email(), null,
                on ? AuditAction.CUSTOMER_WEB_ACCESS_ON : AuditAction.CUSTOMER_WEB_ACCESS_OFF,
                "Web access switched " + (on ? "on" : "off") + " for the customer and all their loans. Reason: " + why.text());
        return customer.toWebAccessState();
    }

    private Customer customer(long customerId) {
        return customers.findById(customerId).orElseThrow(() -> new IllegalArgumentException("No customer " + customerId));
    }
}
