package io.borrowerportal.customer;

import io.borrowerportal.security.CustomerLogins;
import io.borrowerportal.security.PortalUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in's view of customers. Package-private on purpose: the principals it returns carry the
 * password hash, which only the authentication provider may see, never a view or another feature.
 */
@Component
class CustomerLoginDirectory implements CustomerLogins {

    private final CustomerRepository customers;

    CustomerLoginDirectory(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PortalUser> findByEmail(String email) {
        return customers.findByEmailIgnoreCase(email).map(Customer::toPortalUser);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PortalUser> findById(long customerId) {
        return customers.findById(customerId).map(Customer::toPortalUser);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> sessionsValidAfter(long customerId) {
        return customers.sessionsValidAfter(customerId);
    }

    @Override
    @Transactional
    public void changePassword(long customerId, String passwordHash, Instant sessionsValidAfter) {
        customers.findById(customerId).orElseThrow().changePassword(passwordHash, sessionsValidAfter);
    }
}
