package io.borrowerportal.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The number value objects refuse what their problem check refuses, and never print a full number. */
class CardAndBankNumbersTest {

    @Test
    void a_card_number_is_made_from_what_the_customer_typed_and_prints_only_its_last_four() {
        CardNumber card = CardNumber.of("4242 4242-4242 4242");

        assertThat(card.digits()).isEqualTo("4242424242424242");
        assertThat(card.brand()).isEqualTo(CardBrand.VISA);
        assertThat(card.lastFour()).isEqualTo("4242");
        assertThat(card.toString()).isEqualTo("•••• 4242").doesNotContain("42424242");
        assertThat(card).isEqualTo(CardNumber.of("4242424242424242"));
    }

    @Test
    void a_card_number_that_fails_the_luhn_check_is_refused_with_the_forms_message_and_without_the_number() {
        assertThatThrownBy(() -> CardNumber.of("4242424242424241"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage(CardNumber.problem("4242424242424241").orElseThrow())
                .message().doesNotContain("4242424242424241");
    }

    @Test
    void a_routing_number_checks_the_aba_checksum() {
        assertThat(RoutingNumber.of("021-000-021").digits()).isEqualTo("021000021");
        assertThatThrownBy(() -> RoutingNumber.of("021000022")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> new RoutingNumber("12345")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("exactly 9 digits");
    }

    @Test
    void a_bank_account_number_must_be_typed_the_same_twice_and_prints_only_its_last_four() {
        BankAccountNumber account = BankAccountNumber.confirmed("1234 5678 9012", "123456789012");

        assertThat(account.digits()).isEqualTo("123456789012");
        assertThat(account.lastFour()).isEqualTo("9012");
        assertThat(account.toString()).isEqualTo("•••• 9012");
        assertThatThrownBy(() -> BankAccountNumber.confirmed("123456789012", "123456789013"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("do not match");
        assertThatThrownBy(() -> BankAccountNumber.of("123")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("4 to 17 digits");
    }
}
