package io.borrowerportal.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Free text that would keep a card number is recognised however the digits are grouped; ordinary text is not. */
class DigitsTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111",
            "4111/1111/1111/1111", "4111_1111_1111_1111", "Visa 4111111111111111 exp 12/29", "1234567890123",
            "POL 4242 4242 4242 4242", "12/25/2025-12/25/2026"})
    void thirteen_or_more_digits_grouped_by_single_separators_hold_a_card_number(String text) {
        assertThat(Digits.holdsCardLengthNumber(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"KM-123456789012", "Keystone Mutual", "(555) 010-2200, (555) 010-2201",
            "Coverage 2026-12-01 to 2027-12-01", "Policy 4111 1111 1111 - renewal", "123456789012", ""})
    void shorter_runs_and_runs_broken_by_words_or_wider_gaps_do_not(String text) {
        assertThat(Digits.holdsCardLengthNumber(text)).as(text).isFalse();
    }

    @Test
    void a_card_length_run_is_cut_to_its_last_four_and_other_text_kept() {
        assertThat(Digits.maskCardLength("scan 4111 1111 1111 1111.pdf")).isEqualTo("scan ••••1111.pdf");
        assertThat(Digits.maskCardLength("stub-20261206123456789-a.pdf")).isEqualTo("stub-••••6789-a.pdf");
        assertThat(Digits.maskCardLength("paystub 2026-12.pdf")).isEqualTo("paystub 2026-12.pdf");
        assertThat(Digits.maskCardLength(null)).isNull();
    }
}
