package io.borrowerportal.payment;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentFormKeysTest {

    private final PaymentFormKeys keys = new PaymentFormKeys(new byte[32]);

    @Test
    void a_key_is_accepted_for_the_customer_it_was_issued_to_and_no_other() {
        String key = keys.issue(42);
        assertThat(keys.issuedTo(key, 42)).isTrue();
        assertThat(keys.issuedTo(key, 43)).isFalse();
        assertThat(key).hasSize(45).doesNotStartWith(StandingOrder.KEY_PREFIX).matches("[A-Za-z0-9_.-]+");
    }

    @Test
    void every_form_gets_a_key_of_its_own() {
        assertThat(IntStream.range(0, 100).mapToObj(i -> keys.issue(42)).distinct()).hasSize(100);
    }

    @Test
    void a_key_changed_or_made_with_another_server_key_is_refused() {
        String key = keys.issue(42);
        byte[] other = new byte[32];
        other[31] = 1;
        assertThat(new PaymentFormKeys(other).issuedTo(key, 42)).isFalse();
        String otherNonce = (key.charAt(0) == 'A' ? "B" : "A") + key.substring(1);
        assertThat(keys.issuedTo(otherNonce, 42)).isFalse();
        assertThat(keys.issuedTo(key + "x", 42)).isFalse();
        assertThat(keys.issuedTo(null, 42)).isFalse();
        assertThat(keys.issuedTo("autopay-1-20261215", 42)).isFalse();
        assertThat(keys.issuedTo("0123456789abcdef0123456.0123456789abcdef012345", 42)).isFalse();
    }

    @Test
    void another_spelling_of_the_same_mac_is_refused() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 50; i++) {
            String key = keys.issue(42);
            char last = key.charAt(key.length() - 1);
            // The last character's low bits are dropped by a Base64 decoder: flipping one gives the same bytes.
            char sameBytes = alphabet.charAt(alphabet.indexOf(last) ^ 1);
            assertThat(keys.issuedTo(key.substring(0, key.length() - 1) + sameBytes, 42)).isFalse();
        }
    }
}
