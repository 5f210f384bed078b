package io.borrowerportal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second-factor cipher now runs on the shared {@code FieldCipher}: secrets and key files written by its own
 * earlier code (the constants below came from it) must still read, or every enrolled authenticator would stop.
 */
class SecondFactorCipherTest {

    private static final String KEY = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=";
    /** Written by the earlier SecondFactorCipher with {@link #KEY} for owner STAFF:12. */
    private static final String EARLIER_TOKEN = "v1:ozx7BbWbGCfXMu1NKW38+7SURJ0B4XCdh6NfE1PzEcGZ5UDcAaH5mEwYFI2WHgFw";
    /** A key file as the earlier code wrote it (no trailing newline), and a token it made with that file's key. */
    private static final String EARLIER_KEY_FILE = "r12TnzYMzLmb2OuWfWWceJBLxwLEWmsGsQDXkaoCk0A=";
    private static final String EARLIER_FILE_TOKEN = "v1:kftOjxCSIhNDGP4+osDgOTzvgOaUdMPl8ug6RiWrEA==";

    @TempDir
    Path dir;

    @Test
    void a_secret_stored_by_the_earlier_code_still_decrypts_and_not_for_another_owner() {
        SecondFactorCipher cipher = new SecondFactorCipher(KEY, dir.resolve("unused.key").toString());
        assertThat(new String(cipher.decrypt(EARLIER_TOKEN, "STAFF:12"), StandardCharsets.US_ASCII))
                .isEqualTo("12345678901234567890");
        assertThatThrownBy(() -> cipher.decrypt(EARLIER_TOKEN, "STAFF:13"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not decrypt");
    }

    @Test
    void a_key_file_written_by_the_earlier_code_is_read() throws IOException {
        Path file = dir.resolve("second-factor.key");
        Files.writeString(file, EARLIER_KEY_FILE, StandardCharsets.US_ASCII);
        SecondFactorCipher cipher = new SecondFactorCipher("", file.toString());
        assertThat(new String(cipher.decrypt(EARLIER_FILE_TOKEN, "CUSTOMER:3"), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void a_new_secret_round_trips_and_a_bad_key_is_refused_naming_the_property() {
        SecondFactorCipher cipher = new SecondFactorCipher("", dir.resolve("new.key").toString());
        byte[] secret = {1, 2, 3, 4, 5};
        String token = cipher.encrypt(secret, "CUSTOMER:9");
        assertThat(token).startsWith("v1:");
        assertThat(cipher.decrypt(token, "CUSTOMER:9")).containsExactly(secret);
        assertThat(new SecondFactorCipher("", dir.resolve("new.key").toString()).decrypt(token, "CUSTOMER:9"))
                .as("the key file created on first start is used after a restart").containsExactly(secret);
        assertThatThrownBy(() -> new SecondFactorCipher("c2hvcnQ=", dir.resolve("x.key").toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(SecondFactorCipher.KEY_PROPERTY);
    }
}
