package io.borrowerportal.integration;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The key's format, its randomness and the hash the database keeps. */
class ApiKeysTest {

    @Test
    void a_new_key_has_a_public_id_and_a_256_bit_secret_and_parses_back_into_them() {
        String publicId = ApiKeys.newPublicId();
        String secret = ApiKeys.newSecret();
        String key = ApiKeys.key(publicId, secret);

        assertThat(key).startsWith("bpk_" + publicId + "_").hasSize(ApiKeys.KEY_LENGTH);
        assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(32);
        ApiKeys.ParsedKey parsed = ApiKeys.parse(key).orElseThrow();
        assertThat(parsed.publicId()).isEqualTo(publicId);
        assertThat(parsed.secret()).isEqualTo(secret);
        assertThat(parsed.toString()).doesNotContain(secret);
    }

    @Test
    void keys_do_not_repeat() {
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            secrets.add(ApiKeys.newSecret());
            ids.add(ApiKeys.newPublicId());
        }
        assertThat(secrets).hasSize(1_000);
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void only_the_sha256_of_the_secret_is_kept_and_only_the_same_secret_matches_it() {
        String secret = ApiKeys.newSecret();
        String hash = ApiKeys.hash(secret);

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").doesNotContain(secret);
        assertThat(ApiKeys.matches(secret, hash)).isTrue();
        char last = secret.charAt(secret.length() - 1);
        String oneOff = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(ApiKeys.matches(oneOff, hash)).isFalse();
        assertThat(ApiKeys.matches(secret, "not hex")).isFalse();
    }

    @Test
    void the_demo_key_is_a_well_formed_key() {
        assertThat(ApiKeys.parse(ApiClients.DEMO_KEY)).isPresent();
    }

    @Test
    void anything_but_a_well_formed_key_does_not_parse() {
        String good = ApiKeys.key(ApiKeys.newPublicId(), ApiKeys.newSecret());
        assertThat(ApiKeys.parse(null)).isEmpty();
        assertThat(ApiKeys.parse("")).isEmpty();
        assertThat(ApiKeys.parse(good.substring(1))).isEmpty();
        assertThat(ApiKeys.parse(good + "x")).isEmpty();
        assertThat(ApiKeys.parse("xyz_" + good.substring(4))).isEmpty();
        assertThat(ApiKeys.parse(good.substring(0, 10).toUpperCase() + good.substring(10))).isEmpty();
        assertThat(ApiKeys.parse(good.substring(0, good.length() - 1) + "="))
                .as("padding is not base64url's alphabet here").isEmpty();
    }
}
