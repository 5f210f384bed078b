package io.borrowerportal.customer;

import io.borrowerportal.PortalTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalTest
class CustomerServiceTest {

    @Autowired
    CustomerService customers;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignIn.out();
    }

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
}
