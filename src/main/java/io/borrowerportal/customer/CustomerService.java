package io.borrowerportal.customer;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.regex.Pattern;

/** Customers: creation, sign-in lookup, preferences and the staff search. */
@Service
public class CustomerService {

    static final int SEARCH_LIMIT = 50;
    /** The most customers one search word is narrowed among (decision 041). */
    static final int MATCH_LIMIT = 1_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final CustomerRepository customers;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CurrentUser currentUser, AuditService audit,
                    PasswordEncoder passwordEncoder, Clock clock) {
        this.customers = customers;
        this.currentUser = currentUser;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Creates a customer: active with a password (demo data), or, with no password, INVITED, to be sent an
     * activation link (the access feature; a future import).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN','SYSTEM')")
    public long create(String email, String firstName, String lastName, String phone, String rawPassword) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Enter a valid email address");
        }
        if (customers.existsByEmailIgnoreCase(normalized)) {
            throw new IllegalArgumentException("A customer with this email already exists");
        }
        Customer customer = new Customer(normalized, rawPassword == null ? null : passwordEncoder.encode(rawPassword), firstName.trim(),
                lastName.trim(), phone, clock.instant());
        return customers.save(customer).id();
    }

    /** The id of the customer with this email, for lender-side work. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
    public Optional<Long> idOf(String email) {
        return customers.findByEmailIgnoreCase(email == null ? "" : email.trim()).map(Customer::id);
    }

    /** Who to write to about a customer's payments, for lender-side and background work. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
    public Optional<CustomerSummary> contact(long customerId) {
        return customers.findById(customerId).map(Customer::toSummary);
    }

    /** The same for many customers at once (a page of the AutoPay run), by customer id. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
    public Map<Long, CustomerSummary> contacts(Collection<Long> customerIds) {
        return customers.findAllById(customerIds).stream().map(Customer::toSummary)
                .collect(Collectors.toMap(CustomerSummary::id, Function.identity(), (a, b) -> a));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CUSTOMER')")
    public AccountsLayout accountsLayout() {
        return customers.findById(currentUser.customerId()).map(Customer::accountsLayout).orElse(AccountsLayout.CARDS);
    }

    @Transactional
    @ChangesCustomerState
    public void changeAccountsLayout(AccountsLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("Choose cards or list");
        }
        PortalUser user = currentUser.customer();
        Customer customer = customers.findById(user.id()).orElseThrow();
        customer.changeAccountsLayout(layout);
        audit.record(user.email(), user.role(), user.id(), user.email(), null, AuditAction.PREFERENCE_CHANGED,
                "Accounts shown as " + layout.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Finds customers with a name or address word starting with each word of the text (decision 041), plus the
     * customers with the given ids (the staff search adds those whose loan number matches), by name, at most
     * {@value #SEARCH_LIMIT}. Each word reads a range of the search terms' index; a first word shared by more than
     * {@value #MATCH_LIMIT} customers is narrowed among the first {@value #MATCH_LIMIT} of them (in term order), so a
     * search never reads the whole book; a second word or a longer first one finds the others.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
    public List<CustomerSummary> search(String query, Collection<Long> alsoIds) {
        List<String> words = CustomerSearchTerms.words(query);
        PageRequest page = PageRequest.of(0, SEARCH_LIMIT);
        Map<Long, Customer> found = new LinkedHashMap<>();
        if (words.isEmpty()) {
            customers.firstByName(page).forEach(c -> found.put(c.id(), c));
        } else {
            List<Long> ids = customers.idsByTerm(words.getFirst() + "%", MATCH_LIMIT);
            for (String word : words.subList(1, words.size())) {
                ids = ids.isEmpty() ? ids : customers.idsByTermAmong(word + "%", ids);
            }
            if (!ids.isEmpty()) {
                customers.byIdsByName(ids, page).forEach(c -> found.put(c.id(), c));
            }
        }
        if (!alsoIds.isEmpty()) {
            customers.byIdsByName(alsoIds, page).forEach(c -> found.putIfAbsent(c.id(), c));
        }
        return found.values().stream().sorted(BY_NAME).limit(SEARCH_LIMIT).map(Customer::toSummary).toList();
    }

    private static final Comparator<Customer> BY_NAME = Comparator.comparing(Customer::lastName)
            .thenComparing(Customer::firstName).thenComparing(Customer::id);
}
