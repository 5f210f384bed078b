package io.borrowerportal.paymentprofile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class BankAccountCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[]{
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final String ACCOUNT = "000123456789";
    private static final String CUSTOMER = "customer-17";

    @TempDir
    Path dir;

    private BankAccountCipher cipher() {
        return new BankAccountCipher(KEY, dir.resolve("unused.key").toString());
    }

    @Test
    void an_account_number_decrypts_to_itself_and_the_token_does_not_contain_it() {
        BankAccountCipher cipher = cipher();
        String token = cipher.encrypt(ACCOUNT, CUSTOMER);

        assertThat(token).startsWith("v1:").doesNotContain(ACCOUNT);
        // 12-byte IV + 12 bytes of ciphertext + 16-byte tag.
        assertThat(Base64.getDecoder().decode(token.substring(3))).hasSize(12 + ACCOUNT.length() + 16);
        assertThat(cipher.decrypt(token, CUSTOMER)).isEqualTo(ACCOUNT);
        assertThat(Files.exists(dir.resolve("unused.key"))).as("a configured key needs no file").isFalse();
    }

    @Test
    void each_encryption_uses_a_fresh_iv_so_equal_numbers_give_different_tokens() {
        BankAccountCipher cipher = cipher();
        String first = cipher.encrypt(ACCOUNT, CUSTOMER);
        String second = cipher.encrypt(ACCOUNT, CUSTOMER);

        assertThat(first).isNotEqualTo(second);
        byte[] firstIv = java.util.Arrays.copyOf(Base64.getDecoder().decode(first.substring(3)), 12);
        byte[] secondIv = java.util.Arrays.copyOf(Base64.getDecoder().decode(second.substring(3)), 12);
        assertThat(firstIv).isNotEqualTo(secondIv);
        assertThat(cipher.decrypt(second, CUSTOMER)).isEqualTo(ACCOUNT);
    }

    @Test
    void a_tampered_token_is_refused_without_revealing_anything() {
        BankAccountCipher cipher = cipher();
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(ACCOUNT, CUSTOMER).substring(3));
        bytes[14] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered, CUSTOMER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not decrypt")
                .hasMessageNotContaining(ACCOUNT).hasMessageNotContaining(KEY).hasMessageNotContaining(tampered);
    }

    @Test
    void a_token_copied_to_another_customer_does_not_decrypt() {
        BankAccountCipher cipher = cipher();
        String token = cipher.encrypt(ACCOUNT, CUSTOMER);

        assertThatThrownBy(() -> cipher.decrypt(token, "customer-18"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to another customer")
                .hasMessageNotContaining(ACCOUNT);
    }

    @Test
    void a_token_made_with_another_key_does_not_decrypt() {
        String token = new BankAccountCipher(null, dir.resolve("other.key").toString()).encrypt(ACCOUNT, CUSTOMER);

        assertThatThrownBy(() -> cipher().decrypt(token, CUSTOMER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformed_tokens_are_refused_with_what_is_wrong() {
        BankAccountCipher cipher = cipher();
        assertThatThrownBy(() -> cipher.decrypt("v2:AAAA", CUSTOMER)).hasMessageContaining("v1: prefix");
        assertThatThrownBy(() -> cipher.decrypt("v1:%%%", CUSTOMER)).hasMessageContaining("not valid Base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA", CUSTOMER)).hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt(null, CUSTOMER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.encrypt(ACCOUNT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_a_configured_key_a_key_file_is_created_owner_only_in_a_new_directory() throws Exception {
        Path file = dir.resolve("data/keys/bank-account.key");

        new BankAccountCipher("", file.toString());

        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void the_key_file_is_read_back_on_the_next_start_so_old_tokens_still_decrypt() throws Exception {
        Path file = dir.resolve("bank-account.key");
        String token = new BankAccountCipher(null, file.toString()).encrypt(ACCOUNT, CUSTOMER);
        String keyOnDisk = Files.readString(file);

        BankAccountCipher restarted = new BankAccountCipher(null, file.toString());

        assertThat(restarted.decrypt(token, CUSTOMER)).isEqualTo(ACCOUNT);
        assertThat(Files.readString(file)).isEqualTo(keyOnDisk);
    }

    @Test
    void a_configured_key_of_the_wrong_length_fails_startup_naming_the_property() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new BankAccountCipher(shortKey, dir.resolve("k").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("portal.payments.bank-key")
                .hasMessageContaining("decodes to 16 bytes")
                .hasMessageContaining("exactly 32 random bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void a_configured_key_that_is_not_base64_fails_startup_naming_the_property() {
        assertThatThrownBy(() -> new BankAccountCipher("not*base64!", dir.resolve("k").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Property portal.payments.bank-key is not valid Base64")
                .hasMessageContaining("32 random bytes")
                .hasMessageNotContaining("not*base64!");
    }

    @Test
    void a_malformed_key_file_fails_startup_naming_the_file() throws Exception {
        Path file = dir.resolve("bank-account.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]));

        assertThatThrownBy(() -> new BankAccountCipher(null, file.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("portal.payments.bank-key-file")
                .hasMessageContaining("decodes to 31 bytes");
    }
}
