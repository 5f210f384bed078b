package io.borrowerportal.staff;

import io.borrowerportal.account.AccountDirectory;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff search: customers whose name or email contains the text, or whose loan number starts with it (decision
 * 041), in three statements whatever the hits.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
public class CustomerSearch {

    private final CustomerService customers;
    private final AccountDirectory accounts;

    CustomerSearch(CustomerService customers, AccountDirectory accounts) {
        this.customers = customers;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public List<CustomerMatch> search(String query) {
        String text = query == null ? "" : query.trim();
        Set<Long> byLoan = text.isEmpty() ? Set.of() : accounts.customersWithLoanNumberStarting(text);
        List<CustomerSummary> found = customers.search(text, byLoan);
        Map<Long, List<String>> loans = accounts.loanNumbersByCustomer(found.stream().map(CustomerSummary::id).toList());
        return found.stream().map(c -> new CustomerMatch(c, loans.getOrDefault(c.id(), List.of()))).toList();
    }

    /** One customer with their loans, for the customer's page on the staff console. */
    @Transactional(readOnly = true)
    public Optional<CustomerMatch> find(long customerId) {
        return customers.contact(customerId).map(c -> new CustomerMatch(c,
                accounts.loanNumbersByCustomer(List.of(c.id())).getOrDefault(c.id(), List.of())));
    }
}
