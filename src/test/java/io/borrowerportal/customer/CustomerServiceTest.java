package io.borrowerportal.customer;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerServiceTest extends ServiceTest {

    @Autowired
    CustomerService customers;

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
}
