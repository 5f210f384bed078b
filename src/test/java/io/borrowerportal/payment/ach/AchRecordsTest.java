package io.borrowerportal.payment.ach;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.borrowerportal.payment.ach.AchFixtures.BANK_A;
import static io.borrowerportal.payment.ach.AchFixtures.LENDER_BANK;
import static io.borrowerportal.payment.ach.AchFixtures.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AchRecordsTest {

    @Test
    void a_routing_number_with_a_wrong_check_digit_is_refused() {
        assertThatThrownBy(() -> debit("111000026", "1234", AccountType.CHECKING, "1.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("111000026").hasMessageContaining("check digit");
        assertThatThrownBy(() -> debit("11100002", "1234", AccountType.CHECKING, "1.00", "P1", "Ann"))
                .hasMessageContaining("must be 9 digits");
    }

    @Test
    void an_account_number_must_be_four_to_seventeen_digits() {
        assertThatThrownBy(() -> debit(BANK_A, "123", AccountType.CHECKING, "1.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 to 17 digits");
        assertThatThrownBy(() -> debit(BANK_A, "123456789012345678", AccountType.CHECKING, "1.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 to 17 digits");
        assertThatThrownBy(() -> debit(BANK_A, "12AB56", AccountType.CHECKING, "1.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 to 17 digits");
        assertThat(debit(BANK_A, "12345678901234567", AccountType.CHECKING, "1.00", "P1", "Ann").accountNumber())
                .hasSize(17);
    }

    @Test
    void an_amount_must_be_positive_whole_cents_below_one_hundred_million() {
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "0.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "-5.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "1.005", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "100000000.00", "P1", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than 100,000,000.00");
        assertThat(debit(BANK_A, "1234", AccountType.CHECKING, "7", "P1", "Ann").amount()).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void the_individual_id_and_name_must_fit_their_fields() {
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "1234567890123456", "Ann"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 15");
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "P1", "A".repeat(23)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 22");
        assertThatThrownBy(() -> debit(BANK_A, "1234", AccountType.CHECKING, "1.00", "P1", "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> debit(BANK_A, "1234", null, "1.00", "P1", "Ann"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("checking or savings");
    }

    @Test
    void a_debit_never_prints_the_full_account_number() {
        assertThat(debit(BANK_A, "9876543210", AccountType.CHECKING, "1.00", "P1", "Ann").toString())
                .contains("****3210").doesNotContain("9876543210");
    }

    @Test
    void the_origin_refuses_fields_the_bank_would_reject() {
        assertThatThrownBy(() -> new AchOrigin(LENDER_BANK, "Bank", "1234567890", "Lender", "A Company Name Too Long",
                "1234567890", "LOAN PMT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("company name").hasMessageContaining("16");
        assertThatThrownBy(() -> new AchOrigin(LENDER_BANK, "Bank", "123456789", "Lender", "Lender", "1234567890", "LOAN PMT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("immediate origin").hasMessageContaining("exactly 10");
        assertThatThrownBy(() -> new AchOrigin("021000022", "Bank", "1234567890", "Lender", "Lender", "1234567890", "LOAN PMT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routing number");
        assertThatThrownBy(() -> new AchOrigin(LENDER_BANK, "Bank", "1234567890", "Lender", "Préstamos", "1234567890", "LOAN PMT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain ASCII");
        assertThatThrownBy(() -> new AchOrigin(LENDER_BANK, "Bank", "1234567890", "Lender", "Lender", "1234567890", "LOAN PAYMENT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entry description");
        assertThat(AchFixtures.origin().odfiIdentification()).isEqualTo("02100002");
    }

    @Test
    void account_types_carry_their_debit_and_return_transaction_codes() {
        assertThat(AccountType.CHECKING.debitCode()).isEqualTo(27);
        assertThat(AccountType.SAVINGS.debitCode()).isEqualTo(37);
        assertThat(AccountType.ofTransactionCode(26)).contains(AccountType.CHECKING);
        assertThat(AccountType.ofTransactionCode(36)).contains(AccountType.SAVINGS);
        assertThat(AccountType.ofTransactionCode(22)).isEmpty();
    }
}
