package io.borrowerportal.staff;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.customer.CustomerRecords;
import io.borrowerportal.customer.LenderRecord;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerSearchTest extends ServiceTest {

    @Autowired
    CustomerSearch customers;
    @Autowired
    CustomerRecords records;

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
    void a_customer_is_found_by_the_start_of_any_word_of_their_names_or_address_and_follows_a_change() {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        long id = SystemTask.call(() -> records.create(new LenderRecord("Maria", "Quell" + tag, "m.q-" + tag + "@lender.example",
                null, null, null, null, null, null)));
        SignIn.as(users, "staff@example.com");
        assertThat(customers.search("quell" + tag)).extracting(m -> m.customer().id()).containsExactly(id);
        assertThat(customers.search("QUELL" + tag.substring(0, 4))).extracting(m -> m.customer().id()).contains(id);
        assertThat(customers.search("mar quell" + tag)).extracting(m -> m.customer().id()).containsExactly(id);
        assertThat(customers.search(tag)).extracting(m -> m.customer().id()).containsExactly(id);
        assertThat(customers.search("m.q-" + tag + "@lender")).extracting(m -> m.customer().id()).containsExactly(id);
        // A word must start a term: the middle of a name finds nothing.
        assertThat(customers.search("uell" + tag)).isEmpty();

        SystemTask.run(() -> records.change(id, new LenderRecord("Maria", "Renamed" + tag, "maria-" + tag + "@lender.example",
                null, null, null, null, null, null)));
        assertThat(customers.search("quell" + tag)).isEmpty();
        assertThat(customers.search("m.q-" + tag)).isEmpty();
        assertThat(customers.search("renamed" + tag)).extracting(m -> m.customer().id()).containsExactly(id);
        assertThat(customers.search(tag)).extracting(m -> m.customer().id()).containsExactly(id);
    }

    @Test
    void customers_cannot_search() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> customers.search("")).isInstanceOf(AccessDeniedException.class);
    }
}
