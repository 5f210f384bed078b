package io.borrowerportal.customer;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerServiceTest extends ServiceTest {

    @Autowired
    CustomerService customers;
    @Autowired
    CustomerRepository repository;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void customers_cannot_search_customers() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> customers.search("", java.util.Set.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void passwords_are_stored_as_bcrypt_with_cost_twelve() {
        String hash = users.loadUserByUsername("jane.borrower@example.com").getPassword();
        assertThat(hash).startsWith("$2a$12$");
    }

    @Test
    void a_customer_cannot_look_up_other_customers() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> customers.idOf("alex.latepay@example.com")).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "staff@example.com");
        assertThat(customers.idOf("Alex.Latepay@example.com")).isPresent();
        assertThat(customers.idOf("nobody@example.com")).isEmpty();
    }

    @Test
    void addresses_are_stored_in_lower_case_and_found_in_any_case() {
        // Sign-in and uniqueness checks compare the column itself (its unique index), so the stored form must be one.
        long id = transaction.execute(status -> repository.save(new Customer("  Mixed.Case-Lookup@Example.COM ", null,
                "Mixed", "Case", null, Instant.parse("2026-12-01T00:00:00Z"))).id());
        assertThat(jdbc.queryForObject("select email from customers where id = ?", String.class, id))
                .isEqualTo("mixed.case-lookup@example.com");
        assertThat(repository.findByEmailIgnoreCase(" MIXED.case-lookup@example.com").map(Customer::id)).contains(id);
        assertThat(repository.existsByEmailIgnoreCaseAndIdNot("Mixed.Case-Lookup@example.com", id)).isFalse();
        assertThat(users.loadUserByUsername("MIXED.CASE-LOOKUP@EXAMPLE.COM").getUsername())
                .isEqualTo("mixed.case-lookup@example.com");
        transaction.executeWithoutResult(status -> repository.deleteById(id));
    }
}
