package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.security.PasswordPolicy.Strength;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest extends ServiceTest {

    @Autowired
    PasswordPolicy policy;
    @Autowired
    SettingsService settings;

    @Test
    void the_shipped_list_holds_at_least_a_hundred_thousand_passwords() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(100_000);
    }

    @Test
    void twelve_characters_at_least_and_sixty_four_at_most_with_no_composition_rules() {
        assertThat(policy.assess("river tulip", "a@example.com").strength()).isEqualTo(Strength.TOO_SHORT);
        assertThat(policy.problem("river tulip", "a@example.com")).get().asString().contains("at least 12 characters: 1 more to go");
        assertThat(policy.problem("river tulips", "a@example.com")).as("twelve lower-case letters and a space").isEmpty();
        assertThat(policy.problem("x".repeat(20) + "a".repeat(44) + "bcd", "a@example.com")).get().asString().contains("at most 64");
        assertThat(policy.problem("ab1 " + "c".repeat(60), "a@example.com")).as("sixty-four is allowed").isEmpty();
    }

    @Test
    void a_common_or_breached_password_is_refused_whatever_its_case() {
        assertThat(policy.problem("password1234", "a@example.com")).get().asString().contains("common or breached");
        assertThat(policy.problem("Password1234", "a@example.com")).get().asString().contains("common or breached");
        assertThat(policy.problem("qwertyuiop123", "a@example.com")).get().asString().contains("common or breached");
    }

    @Test
    void the_email_and_the_lenders_name_are_refused() {
        assertThat(policy.problem("Maria.Lopez@example.com", "maria.lopez@example.com")).get().asString().contains("email");
        String lender = settings.current().lenderName();
        assertThat(policy.problem("my " + lender.toUpperCase() + " 2026!", "a@example.com")).get().asString().contains("name");
    }

    @Test
    void a_few_repeated_characters_are_refused_and_length_makes_it_stronger() {
        assertThat(policy.problem("abababababababab", "a@example.com")).get().asString().contains("Repeating");
        assertThat(policy.assess("tulip river lamp", "a@example.com").strength()).isEqualTo(Strength.GOOD);
        assertThat(policy.assess("tulip river lamp orbit", "a@example.com").strength()).isEqualTo(Strength.STRONG);
        assertThatThrownBy(() -> policy.check("short", "a@example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12");
    }

    @Test
    void a_password_longer_than_bcrypt_can_store_is_refused_in_words() {
        String emoji = "\uD83D\uDE00\uD83C\uDF35\uD83D\uDE97\uD83C\uDF1F".repeat(5);
        assertThat(policy.problem(emoji, "a@example.com")).get().asString().contains("too long to store");
        assertThat(policy.problem("cr\u00e8me br\u00fbl\u00e9e \u00e0 la carte", "a@example.com")).as("23 characters, 27 bytes")
                .isEmpty();
    }
}
