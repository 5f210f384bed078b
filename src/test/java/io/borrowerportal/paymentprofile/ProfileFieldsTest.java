package io.borrowerportal.paymentprofile;

import io.borrowerportal.common.BankAccountNumber;
import io.borrowerportal.common.CardBrand;
import io.borrowerportal.common.CardNumber;
import io.borrowerportal.common.Digits;
import io.borrowerportal.common.RoutingNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileFieldsTest {

    private static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12);

    @ParameterizedTest
    @CsvSource({
            "4242424242424242, VISA",
            "4000000000000002, VISA",
            "4000000000009995, VISA",
            "4000000000000069, VISA",
            "4222222222222, VISA",
            "5555555555554444, MASTERCARD",
            "5105105105105100, MASTERCARD",
            "2223003122003222, MASTERCARD",
            "2720990000000007, MASTERCARD",
            "378282246310005, AMEX",
            "371449635398431, AMEX",
            "6011111111111117, DISCOVER",
            "6445644564456445, DISCOVER",
            "6500000000000002, DISCOVER",
            "30569309025904, DINERS",
            "36227206271667, DINERS",
            "3852000002323700, DINERS",
            "3530111333300000, JCB",
            "3566002020360505, JCB",
            "6200000000000005, UNIONPAY",
            "6250941006528599, UNIONPAY",
    })
    void sandbox_and_network_test_numbers_are_valid_and_get_their_brand(String number, CardBrand brand) {
        assertThat(CardNumber.problem(number)).isEmpty();
        assertThat(CardBrand.detect(number)).isEqualTo(brand);
    }

    @ParameterizedTest
    @CsvSource({
            "2220, OTHER", "2221, MASTERCARD", "2720, MASTERCARD", "2721, OTHER",
            "50, OTHER", "51, MASTERCARD", "55, MASTERCARD", "56, OTHER",
            "6010, OTHER", "6011, DISCOVER", "643, OTHER", "644, DISCOVER", "649, DISCOVER", "65, DISCOVER",
            "300, DINERS", "305, DINERS", "306, OTHER", "36, DINERS", "38, DINERS", "39, DINERS",
            "3527, OTHER", "3528, JCB", "3589, JCB", "3590, OTHER",
            "34, AMEX", "37, AMEX", "35, OTHER", "62, UNIONPAY", "4, VISA", "1234, OTHER",
    })
    void brand_follows_the_iin_ranges_including_their_edges(String prefix, CardBrand brand) {
        assertThat(CardBrand.detect(prefix)).isEqualTo(brand);
    }

    @Test
    void brand_of_nothing_or_of_non_digits_is_other() {
        assertThat(CardBrand.detect(null)).isEqualTo(CardBrand.OTHER);
        assertThat(CardBrand.detect("")).isEqualTo(CardBrand.OTHER);
        assertThat(CardBrand.detect("4x42")).isEqualTo(CardBrand.OTHER);
    }

    @Test
    void brands_carry_display_name_security_code_length_and_number_lengths() {
        assertThat(CardBrand.AMEX.displayName()).isEqualTo("American Express");
        assertThat(CardBrand.VISA.displayName()).isEqualTo("Visa");
        assertThat(CardBrand.MASTERCARD.displayName()).isEqualTo("Mastercard");
        assertThat(CardBrand.AMEX.cvvLength()).isEqualTo(4);
        assertThat(CardBrand.values()).filteredOn(b -> b != CardBrand.AMEX).allMatch(b -> b.cvvLength() == 3);
        assertThat(CardBrand.VISA.allowedLengths()).containsExactly(13, 16, 19);
        assertThat(CardBrand.AMEX.allowedLengths()).containsExactly(15);
        assertThat(CardBrand.DINERS.allowedLengths()).containsExactly(14, 15, 16, 17, 18, 19);
        assertThat(CardBrand.JCB.allowedLengths()).containsExactly(16, 17, 18, 19);
    }

    @Test
    void card_number_may_be_typed_with_spaces_and_dashes() {
        assertThat(Digits.of("4242 4242-4242  4242")).isEqualTo("4242424242424242");
        assertThat(Digits.of(null)).isNull();
        assertThat(CardNumber.problem(" 4242 4242 4242 4242 ")).isEmpty();
        assertThat(CardNumber.problem("3782-822463-10005")).isEmpty();
    }

    @Test
    void a_mistyped_digit_fails_the_luhn_check_and_the_message_never_echoes_the_number() {
        assertThat(CardNumber.problem("4242424242424241"))
                .contains("Card number is not valid. Check the digits and try again.");
    }

    @Test
    void an_empty_card_number_is_asked_for() {
        assertThat(CardNumber.problem(null)).hasValueSatisfying(m -> assertThat(m).startsWith("Enter the card number"));
        assertThat(CardNumber.problem("  ")).hasValueSatisfying(m -> assertThat(m).startsWith("Enter the card number"));
    }

    @Test
    void a_card_number_with_letters_is_refused_with_a_message_about_digits() {
        assertThat(CardNumber.problem("4242 4242 4242 424O"))
                .contains("Card number can contain only digits. Type the number as it appears on your card.");
    }

    @Test
    void a_card_number_shorter_than_13_or_longer_than_19_digits_is_refused_with_the_count() {
        // 12 and 20 digits, both Luhn-valid, so only the length can be the reason.
        assertThat(CardNumber.problem("424242424242")).hasValueSatisfying(m -> assertThat(m)
                .isEqualTo("Card number must have 13 to 19 digits; you entered 12. Check the number on the front of your card."));
        assertThat(CardNumber.problem("42424242424242424242")).hasValueSatisfying(m -> assertThat(m)
                .contains("13 to 19 digits; you entered 20").doesNotContain("4242"));
    }

    @Test
    void a_luhn_valid_number_with_the_wrong_length_for_its_brand_is_refused() {
        // 16-digit Amex and 14-digit Visa: Luhn-valid, but these networks do not issue such lengths.
        assertThat(CardNumber.problem("3782822463100003")).contains(
                "An American Express card number has 15 digits, not 16. Check the digits and try again.");
        assertThat(CardNumber.problem("42424242424242")).contains(
                "A Visa card number has 13, 16 or 19 digits, not 14. Check the digits and try again.");
        assertThat(CardNumber.problem("9000000000001")).contains(
                "This card's number has 16 to 19 digits, not 13. Check the digits and try again.");
    }

    @Test
    void expiry_in_the_current_month_is_valid_and_the_month_before_is_expired() {
        assertThat(ProfileFields.expiry(12, 2026, DECEMBER_2026)).isEmpty();
        assertThat(ProfileFields.expiry(1, 2027, DECEMBER_2026)).isEmpty();
        assertThat(ProfileFields.expiry(11, 2026, DECEMBER_2026))
                .contains("This card expired. Check the expiration date on your card, or use another card.");
    }

    @Test
    void expiry_month_must_be_1_to_12() {
        assertThat(ProfileFields.expiry(0, 2027, DECEMBER_2026))
                .contains("Expiration month must be 1 to 12. Use the month printed on your card.");
        assertThat(ProfileFields.expiry(13, 2027, DECEMBER_2026)).isPresent();
    }

    @Test
    void expiry_up_to_twenty_years_ahead_is_valid_and_beyond_is_a_mistyped_year() {
        assertThat(ProfileFields.expiry(12, 2046, DECEMBER_2026)).isEmpty();
        assertThat(ProfileFields.expiry(1, 2047, DECEMBER_2026))
                .contains("Expiration year is too far ahead. Check the year printed on your card.");
    }

    @Test
    void security_code_has_exactly_the_brand_length() {
        assertThat(ProfileFields.cvv("123", CardBrand.VISA)).isEmpty();
        assertThat(ProfileFields.cvv("1234", CardBrand.AMEX)).isEmpty();
        assertThat(ProfileFields.cvv("123", null)).isEmpty();
        assertThat(ProfileFields.cvv("1234", CardBrand.VISA))
                .contains("Security code (CVV) must be the 3-digit code on the back of your card.");
        assertThat(ProfileFields.cvv("123", CardBrand.AMEX))
                .contains("Security code (CVV) must be the 4-digit code on the front of your card, above the number.");
        assertThat(ProfileFields.cvv("12a", CardBrand.MASTERCARD)).hasValueSatisfying(m -> assertThat(m)
                .contains("3-digit code").doesNotContain("12a"));
        assertThat(ProfileFields.cvv("", CardBrand.VISA))
                .contains("Enter the security code (CVV): the 3-digit code on the back of your card.");
        assertThat(ProfileFields.cvv(null, CardBrand.VISA)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12345-6789", " 02134 "})
    void zip_of_five_digits_or_zip_plus_four_is_valid(String zip) {
        assertThat(ProfileFields.zip(zip)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "123456", "12345-678", "1234a", "12345 6789"})
    void any_other_zip_is_refused_with_the_accepted_forms(String zip) {
        assertThat(ProfileFields.zip(zip)).contains("ZIP code must be 5 digits, or ZIP+4 like 12345-6789.");
    }

    @Test
    void zip_is_required() {
        assertThat(ProfileFields.zip(null)).hasValueSatisfying(m -> assertThat(m).startsWith("Enter the billing ZIP code"));
        assertThat(ProfileFields.zip(" ")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Q. Public", "Mary-Kate O'Brien", "Seán O’Connor", "José Núñez", "Lü"})
    void names_with_letters_spaces_and_punctuation_of_names_are_valid(String name) {
        assertThat(ProfileFields.holderName(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Doe 2", "Jane@Doe", "J. & M. Doe", "...", "- '"})
    void names_with_digits_or_symbols_or_without_letters_are_refused(String name) {
        assertThat(ProfileFields.holderName(name)).contains("Name can contain only letters, spaces, periods, "
                + "apostrophes and hyphens. Remove digits and other symbols.");
    }

    @Test
    void name_is_required_and_at_most_the_shared_limit() {
        assertThat(ProfileFields.holderName(null)).contains("Enter the name as it appears on the card or bank account.");
        assertThat(ProfileFields.holderName("  ")).isPresent();
        assertThat(ProfileFields.holderName("A".repeat(ProfileFields.NAME_MAX))).isEmpty();
        assertThat(ProfileFields.holderName("A".repeat(ProfileFields.NAME_MAX + 1)))
                .contains("Name can have at most 60 characters. Shorten it, for example with a middle initial.");
    }

    @Test
    void nickname_is_optional_and_at_most_the_shared_limit() {
        assertThat(ProfileFields.nickname(null)).isEmpty();
        assertThat(ProfileFields.nickname("")).isEmpty();
        assertThat(ProfileFields.nickname("x".repeat(ProfileFields.NICKNAME_MAX))).isEmpty();
        assertThat(ProfileFields.nickname("x".repeat(ProfileFields.NICKNAME_MAX + 1)))
                .contains("Nickname can have at most 40 characters. Choose a shorter one.");
    }

    @Test
    void a_nickname_cannot_hold_a_card_or_account_number() {
        assertThat(ProfileFields.nickname("Visa 4111 1111 1111 1111")).hasValueSatisfying(
                m -> assertThat(m).contains("cannot hold a card or account number"));
        assertThat(ProfileFields.nickname("Checking 123-4567")).isPresent();
        assertThat(ProfileFields.nickname("Chase 1234")).isEmpty();
        assertThat(ProfileFields.nickname("Card 2031 06")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"021000021", "011000015", "122105155", "026009593", " 021000021 "})
    void routing_numbers_of_real_banks_pass_the_aba_checksum(String routing) {
        assertThat(RoutingNumber.problem(routing)).isEmpty();
    }

    @Test
    void a_routing_number_failing_the_checksum_is_quoted_back_with_where_to_find_it() {
        assertThat(RoutingNumber.problem("123456789")).contains("Routing number 123456789 fails the bank's "
                + "check digit. Check the 9-digit number at the bottom left of your check.");
        assertThat(RoutingNumber.problem("021000022")).isPresent();
    }

    @Test
    void a_routing_number_must_have_exactly_nine_digits() {
        String message = "Routing number must be exactly 9 digits. Use the 9-digit number at the bottom left of your check.";
        assertThat(RoutingNumber.problem("02100002")).contains(message);
        assertThat(RoutingNumber.problem("0210000210")).contains(message);
        assertThat(RoutingNumber.problem("02100002a")).contains(message);
        assertThat(RoutingNumber.problem(null)).hasValueSatisfying(m -> assertThat(m).startsWith("Enter the routing number"));
    }

    @Test
    void account_numbers_of_4_to_17_digits_entered_twice_alike_are_valid() {
        assertThat(BankAccountNumber.problem("1234", "1234")).isEmpty();
        assertThat(BankAccountNumber.problem("12345678901234567", "12345678901234567")).isEmpty();
        assertThat(BankAccountNumber.problem("1234 5678", "12345678")).isEmpty();
    }

    @Test
    void account_numbers_that_differ_are_refused_without_quoting_either() {
        assertThat(BankAccountNumber.problem("123456789", "123456780"))
                .contains("The account numbers do not match. Type the account number again in both fields.");
        assertThat(BankAccountNumber.problem("123456789", ""))
                .contains("Type the account number again in the confirmation field.");
        assertThat(BankAccountNumber.problem("123456789", null)).isPresent();
    }

    @Test
    void account_number_length_and_digits_are_checked_and_never_echoed() {
        assertThat(BankAccountNumber.problem("123", "123")).contains("Account number must have 4 to 17 digits; "
                + "you entered 3. Check the number on your check or bank statement.");
        assertThat(BankAccountNumber.problem("123456789012345678", "123456789012345678"))
                .hasValueSatisfying(m -> assertThat(m).contains("you entered 18").doesNotContain("12345"));
        assertThat(BankAccountNumber.problem("98765x4321", "98765x4321"))
                .contains("Account number can contain only digits. Leave out letters and symbols.");
        assertThat(BankAccountNumber.problem(null, null)).hasValueSatisfying(m -> assertThat(m).startsWith("Enter the account number"));
    }

    @Test
    void only_the_last_four_digits_are_kept_and_shown() {
        assertThat(Digits.lastFour("4242424242424242")).isEqualTo("4242");
        assertThat(Digits.lastFour("3782 822463 10005")).isEqualTo("0005");
        assertThat(Digits.masked("4242")).isEqualTo("•••• 4242");
        assertThat(Digits.masked("5555555555554444")).isEqualTo("•••• 4444");
        assertThatThrownBy(() -> Digits.lastFour("123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("123");
        assertThatThrownBy(() -> Digits.lastFour(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
