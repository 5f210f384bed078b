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
    void staff_find_customers_by_name_email_or_loan_number() {
        SignIn.as(users, "staff@example.com");
        assertThat(customers.search("latepay")).extracting(CustomerSummary::email).containsExactly("alex.latepay@example.com");
        assertThat(customers.search("Jane Borrower")).extracting(CustomerSummary::email).containsExactly("jane.borrower@example.com");
        assertThat(customers.search("100482")).extracting(CustomerSummary::email)
                .containsExactlyInAnyOrder("jane.borrower@example.com", "sam.borrower@example.com");
        assertThat(customers.search("")).hasSize(3);
        assertThat(customers.search("%")).hasSize(3);
        assertThat(customers.search("nobody-at-all")).isEmpty();
    }

    @Test
    void customers_cannot_search_customers() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> customers.search("")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void passwords_are_stored_as_bcrypt_with_cost_twelve() {
        String hash = users.loadUserByUsername("jane.borrower@example.com").getPassword();
        assertThat(hash).startsWith("$2a$12$");
    }
}
