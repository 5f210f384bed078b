package io.borrowerportal.payment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScanTest {

    @Test
    void a_card_number_typed_with_spaces_or_dashes_is_found() {
        assertThat(new SecretScan("739").text("log", "charging 4242 4242 4242 4242 now").findings())
                .containsExactly("log: Luhn-valid digit run ending 4242");
        assertThat(new SecretScan("739").text("log", "card=5555-5555-5555-4444;").findings()).hasSize(1);
    }

    @Test
    void the_cvv_on_its_own_is_found_but_not_inside_longer_numbers_or_tokens() {
        assertThat(new SecretScan("739").text("mail", "CVV 739 used").findings()).containsExactly("mail: the CVV");
        assertThat(new SecretScan("739").text("log", "took 7.739 s, id 17390, hash ab739f").findings()).isEmpty();
        assertThat(new SecretScan("739").text("log", "Duplicate entry 'autopay-739-20261210', job_739").findings()).isEmpty();
        assertThat(new SecretScan("739").text("log", "cvv=739").findings()).containsExactly("log: the CVV");
    }

    @Test
    void digit_runs_that_fail_luhn_or_sit_in_hex_tokens_are_not_card_numbers() {
        assertThat(new SecretScan("739").text("db", "4242424242424241 and tok_abc4242424242424242def").findings())
                .isEmpty();
        assertThat(new SecretScan("739").text("log", "key at /tmp/junit-761580009196742858/other.key").findings())
                .as("a temporary directory's name").isEmpty();
        // Both once failed a narrower scan in CI: 042516611364170 and 8326142995134 pass the Luhn check.
        assertThat(new SecretScan("739").text("db", "ch_sandbox_042516611364170f").findings())
                .as("a card charge id").isEmpty();
        assertThat(new SecretScan("739").text("db", "83261429-9513-4b7c-a7eb-5c4879761a5e").findings())
                .as("an idempotency key").isEmpty();
    }
}
