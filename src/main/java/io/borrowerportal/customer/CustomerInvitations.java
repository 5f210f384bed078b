package io.borrowerportal.customer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer records behind activation: who has not activated yet, when their last link went out, and the
 * first password. Who may ask, and the links themselves, belong to the access feature; anonymous requests
 * reach this class as SYSTEM work.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class CustomerInvitations {

    private final CustomerRepository customers;

    CustomerInvitations(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public Optional<InvitationRecord> byId(long customerId) {
        return customers.findById(customerId).map(Customer::toInvitationRecord);
    }

    @Transactional(readOnly = true)
    public Optional<InvitationRecord> byEmail(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return customers.findByEmailIgnoreCase(normalized).map(Customer::toInvitationRecord);
    }

    /** Invited customers without a password whose last link, if any, went out before the instant. */
    @Transactional(readOnly = true)
    public List<Long> awaitingInvitation(Instant sentBefore) {
        return customers.awaitingInvitation(sentBefore);
    }

    @Transactional
    public void recordInvitation(long customerId, Instant at) {
        customers.findById(customerId).orElseThrow().invited(at);
    }

    /** Sets the first password (already hashed) and makes the customer ACTIVE. */
    @Transactional
    public void activate(long customerId, String passwordHash, Instant at) {
        customers.findById(customerId).orElseThrow().activate(passwordHash, at);
    }
}
