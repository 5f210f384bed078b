package io.borrowerportal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 key is the ASCII of "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void codes_match_the_rfc_6238_sha1_test_vectors(long seconds, String expected) {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void six_digit_codes_are_the_last_six_digits_of_the_rfc_vectors() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void a_code_is_accepted_one_step_either_side_and_not_two() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, Long.MIN_VALUE)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, Long.MIN_VALUE)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void a_code_of_a_step_already_used_or_older_is_refused() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        String code = Totp.code(RFC_KEY, step);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step - 1)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_KEY, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, step)).isEmpty();
    }

    @Test
    void anything_but_six_digits_is_refused_and_spaces_are_ignored() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_KEY, "287 082", now, Long.MIN_VALUE)).isPresent();
        assertThat(Totp.matchingStep(RFC_KEY, "28708", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, "abcdef", now, Long.MIN_VALUE)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, null, now, Long.MIN_VALUE)).isEmpty();
    }

    @Test
    void base32_follows_rfc_4648_and_round_trips() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("mzxw 6ytb oi=="), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(RFC_KEY))).isEqualTo(RFC_KEY);
        assertThatThrownBy(() -> Base32.decode("MZ1W")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_otpauth_address_names_issuer_account_and_parameters() {
        assertThat(Totp.otpauthUri("Acme Lending", "sofia@example.com", "MZXW6YTBOI"))
                .isEqualTo("otpauth://totp/Acme%20Lending:sofia%40example.com?secret=MZXW6YTBOI&issuer=Acme%20Lending"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
