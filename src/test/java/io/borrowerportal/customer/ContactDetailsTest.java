package io.borrowerportal.customer;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactDetailsTest {

    @Test
    void a_us_phone_is_stored_in_one_form_whatever_way_it_was_typed() {
        for (String typed : new String[] {"2125550147", "(212) 555-0147", "+1 212.555.0147", "1 212 555 0147"}) {
            assertThat(new ContactDetails(typed, "1 Elm St", null, "Albany", "NY", "12207").phone())
                    .isEqualTo("(212) 555-0147");
        }
    }

    @Test
    void every_problem_is_named_on_its_own_field() {
        Map<String, String> problems = ContactDetails.problems("555-0147", "", "x".repeat(101), " ", "XX", "1234");

        assertThat(problems).containsOnlyKeys(ProfileFields.PHONE, ProfileFields.STREET_LINE1,
                ProfileFields.STREET_LINE2, ProfileFields.CITY, ProfileFields.STATE, ProfileFields.ZIP);
        assertThat(problems.get(ProfileFields.PHONE)).contains("10-digit");
        assertThat(problems.get(ProfileFields.STREET_LINE2)).contains("at most 100");
        assertThat(problems.get(ProfileFields.STATE)).contains("two-letter");
        assertThat(problems.get(ProfileFields.ZIP)).contains("5-digit");
    }

    @Test
    void phone_numbers_that_no_us_line_can_have_are_refused() {
        assertThat(ContactDetails.problems("012 555 0147", "1 Elm St", null, "Albany", "NY", "12207"))
                .containsOnlyKeys(ProfileFields.PHONE);
        assertThat(ContactDetails.problems("212 155 0147", "1 Elm St", null, "Albany", "NY", "12207"))
                .containsOnlyKeys(ProfileFields.PHONE);
        assertThat(ContactDetails.problems("212-555-0147 ext 4", "1 Elm St", null, "Albany", "NY", "12207"))
                .containsOnlyKeys(ProfileFields.PHONE);
    }

    @Test
    void zip_codes_have_five_or_nine_digits_and_states_are_postal_codes() {
        assertThat(new ContactDetails("2125550147", "1 Elm St", "Apt 2", "Albany", "ny", "12207").zip()).isEqualTo("12207");
        assertThat(new ContactDetails("2125550147", "1 Elm St", null, "Albany", "NY", "12207-1234").zip()).isEqualTo("12207-1234");
        assertThat(ContactDetails.problems("2125550147", "1 Elm St", null, "Albany", "NY", "122071")).containsOnlyKeys(ProfileFields.ZIP);
        assertThat(ContactDetails.problems("2125550147", "1 Elm St", null, "Albany", "New York", "12207")).containsOnlyKeys(ProfileFields.STATE);
        assertThat(ContactDetails.problems("2125550147", "1 Elm St", null, "San Juan", "PR", "00901")).isEmpty();
    }

    @Test
    void the_constructor_refuses_with_the_first_problem_and_its_field() {
        assertThatThrownBy(() -> new ContactDetails("2125550147", "1 Elm St", null, "Albany", "NY", "ABCDE"))
                .isInstanceOf(ProfileChangeRefusedException.class)
                .satisfies(e -> assertThat(((ProfileChangeRefusedException) e).field()).isEqualTo(ProfileFields.ZIP));
    }

    @Test
    void an_address_line_holding_a_card_length_number_is_refused_on_its_field() {
        assertThat(ContactDetails.problems("2125550147", "Apt 4111 1111 1111 1111", null, "Albany", "NY", "12207"))
                .containsOnlyKeys(ProfileFields.STREET_LINE1);
        assertThat(ContactDetails.problems("2125550147", "1 Elm St", "Unit 1234567890123", "Albany", "NY", "12207"))
                .containsOnlyKeys(ProfileFields.STREET_LINE2);
        assertThat(ContactDetails.problems("2125550147", "123456789012 Long Road", null, "Albany", "NY", "12207"))
                .isEmpty();
    }
}
