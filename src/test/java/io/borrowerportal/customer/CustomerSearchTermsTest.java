package io.borrowerportal.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words a customer is found by, and the words of a typed query (decision 041). */
class CustomerSearchTermsTest {

    @Test
    void names_whole_and_word_by_word_the_address_whole_and_the_words_of_its_local_part_all_lower_case() {
        assertThat(CustomerSearchTerms.of("Mary Ann", "O'Brien-Smith", "m.obrien+loans@example.com"))
                .containsExactlyInAnyOrder("mary ann", "mary", "ann", "o'brien-smith", "o", "brien", "smith",
                        "m.obrien+loans@example.com", "m", "obrien", "loans");
        assertThat(CustomerSearchTerms.of(null, "Lee", null)).containsExactly("lee");
        assertThat(CustomerSearchTerms.of("Renée", "Núñez", null)).containsExactly("renee", "nunez");
        assertThat(CustomerSearchTerms.of("A".repeat(100), "B", null))
                .allSatisfy(term -> assertThat(term.length()).isLessThanOrEqualTo(CustomerSearchTerms.MAX_TERM));
    }

    @Test
    void a_query_is_at_most_three_lower_case_words_without_like_wildcards() {
        assertThat(CustomerSearchTerms.words("  Jane   BORROWER ")).containsExactly("jane", "borrower");
        assertThat(CustomerSearchTerms.words("50%_off\\")).containsExactly("50off");
        assertThat(CustomerSearchTerms.words("a b c d e")).containsExactly("a", "b", "c");
        assertThat(CustomerSearchTerms.words("%")).isEmpty();
        assertThat(CustomerSearchTerms.words("RENÉE")).containsExactly("renee");
        assertThat(CustomerSearchTerms.words(null)).isEmpty();
    }
}
