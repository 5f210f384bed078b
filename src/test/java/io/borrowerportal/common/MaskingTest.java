package io.borrowerportal.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void an_email_address_keeps_its_first_letter_and_its_domain() {
        assertThat(Masking.email("jane.borrower@example.com")).isEqualTo("j***@example.com");
        assertThat(Masking.email(" sam@example.com ")).isEqualTo("s***@example.com");
        assertThat(Masking.email("a@b.example")).isEqualTo("a***@b.example");
    }

    @Test
    void a_value_that_is_no_address_is_masked_all_the_same() {
        assertThat(Masking.email("not-an-address")).isEqualTo("n***");
        assertThat(Masking.email("@example.com")).isEqualTo("@***");
        assertThat(Masking.email("jane@")).isEqualTo("j***");
        assertThat(Masking.email("")).isEmpty();
        assertThat(Masking.email(null)).isEqualTo("null");
    }

    @Test
    void a_name_keeps_each_words_first_letter() {
        assertThat(Masking.name("Jane Q.  Borrower")).isEqualTo("J*** Q*** B***");
        assertThat(Masking.name("Zoë")).isEqualTo("Z***");
        assertThat(Masking.name("𝒜lex Smith")).as("a letter outside the BMP is not split").isEqualTo("𝒜*** S***");
        assertThat(Masking.name("  ")).isEmpty();
        assertThat(Masking.name(null)).isEqualTo("null");
    }

    @Test
    void an_account_number_keeps_its_last_four_digits() {
        assertThat(Masking.lastFour("000123456789")).isEqualTo("****6789");
        assertThat(Masking.lastFour("123")).isEqualTo("****");
    }

    @Test
    void every_address_in_a_longer_text_is_masked() {
        String smtpError = "MailSendException: 550 5.1.1 <jane.borrower@example.com>: Recipient address rejected; "
                + "copy to sam.borrower@mail.example.org failed";
        assertThat(Masking.emailsIn(smtpError))
                .doesNotContain("jane.borrower@example.com").doesNotContain("sam.borrower@")
                .contains("<j***@example.com>").contains("s***@mail.example.org").contains("550 5.1.1");
        assertThat(Masking.emailsIn("no address here")).isEqualTo("no address here");
    }
}
