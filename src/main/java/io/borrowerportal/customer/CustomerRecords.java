package io.borrowerportal.customer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * The lender's record of each customer, for the servicing connection (decision 030): it creates customers
 * (invited, with no password, like the access feature's) and changes what the lender owns, never what the
 * portal does. The caller audits; every method joins its transaction.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class CustomerRecords {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerRecords(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** A new customer from the lender's record: invited, to be sent an activation link. */
    public long create(LenderRecord record) {
        Customer customer = new Customer(record.email(), null, record.firstName(), record.lastName(), record.phone(),
                clock.instant());
        customer.changeLenderRecord(record);
        return customers.saveAndFlush(customer).id();
    }

    @Transactional(readOnly = true)
    public Optional<LenderRecord> lenderRecord(long customerId) {
        return customers.findById(customerId).map(Customer::toLenderRecord);
    }

    /** Whether another customer than {@code customerId} (null: any customer) signs in with this email. */
    @Transactional(readOnly = true)
    public boolean emailTaken(String email, Long customerId) {
        return customerId == null ? customers.existsByEmailIgnoreCase(email)
                : customers.existsByEmailIgnoreCaseAndIdNot(email, customerId);
    }

    /** Replaces the lender's part of the customer; the caller checked the email is not another customer's. */
    public void change(long customerId, LenderRecord record) {
        customers.lockById(customerId).orElseThrow(() -> new IllegalArgumentException("No customer " + customerId))
                .changeLenderRecord(record);
    }
}
