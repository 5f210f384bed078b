package io.borrowerportal.staff;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerSearchTest extends ServiceTest {

    @Autowired
    CustomerSearch customers;

    @Test
    void staff_find_customers_by_name_email_or_loan_number() {
        SignIn.as(users, "staff@example.com");
        assertThat(customers.search("latepay")).extracting(m -> m.customer().email()).containsExactly("alex.latepay@example.com");
        assertThat(customers.search("Jane Borrower")).extracting(m -> m.customer().email()).containsExactly("jane.borrower@example.com");
        // The start of AUTO-100482, in any case: its two borrowers. A loan number is matched from its start, through
        // its index (decision 041), so a middle part finds nothing.
        assertThat(customers.search("auto-10048")).extracting(m -> m.customer().email())
                .containsExactlyInAnyOrder("jane.borrower@example.com", "sam.borrower@example.com");
        assertThat(customers.search("UTO-10048")).isEmpty();
        // Everyone, by last name, a page at a time: the Borrowers come first whatever other tests added.
        assertThat(customers.search("")).extracting(m -> m.customer().email())
                .contains("jane.borrower@example.com", "sam.borrower@example.com");
        assertThat(customers.search("%")).hasSameSizeAs(customers.search(""));
        assertThat(customers.search("nobody-at-all")).isEmpty();
    }

    @Test
    void each_match_lists_its_loans() {
        SignIn.as(users, "staff@example.com");
        assertThat(customers.search("jane.borrower")).singleElement()
                .satisfies(m -> assertThat(m.loanNumbers()).containsExactly("AUTO-100482", "PL-200731"));
    }

    @Test
    void customers_cannot_search() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> customers.search("")).isInstanceOf(AccessDeniedException.class);
    }
}
