package io.borrowerportal.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoanTermsTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate FIRST_DUE = LocalDate.of(2026, 2, 1);

    private static LoanTerms terms(String principal, String rate, int n, LocalDate start, LocalDate firstDue) {
        return new LoanTerms(principal == null ? null : new BigDecimal(principal),
                rate == null ? null : new BigDecimal(rate), n, start, firstDue, PaymentFrequency.MONTHLY,
                DayCount.THIRTY_360);
    }

    @Test
    void valid_terms_keep_the_rate_with_four_decimals_and_the_principal_in_cents() {
        LoanTerms terms = terms("1000", "9.5", 12, START, FIRST_DUE);
        assertThat(terms.annualRatePercent()).isEqualTo(new BigDecimal("9.5000"));
        assertThat(terms.principal()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void a_principal_that_is_missing_zero_negative_or_has_fractions_of_a_cent_is_refused() {
        assertThatThrownBy(() -> terms(null, "5", 12, START, FIRST_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms("0.00", "5", 12, START, FIRST_DUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> terms("-5.00", "5", 12, START, FIRST_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms("100.001", "5", 12, START, FIRST_DUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two decimals");
    }

    @Test
    void a_rate_below_zero_at_or_above_one_hundred_or_with_five_decimals_is_refused() {
        assertThatThrownBy(() -> terms("100", "-0.0001", 12, START, FIRST_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms("100", "100", 12, START, FIRST_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms("100", "9.48221", 12, START, FIRST_DUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("four decimals");
        assertThatThrownBy(() -> terms("100", null, 12, START, FIRST_DUE)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void the_number_of_payments_must_be_from_one_to_six_hundred() {
        assertThatThrownBy(() -> terms("100", "5", 0, START, FIRST_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> terms("100", "5", 601, START, FIRST_DUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(terms("100", "5", 600, START, FIRST_DUE).numberOfPayments()).isEqualTo(600);
    }

    @Test
    void the_first_due_date_must_come_after_the_start_date_and_dates_are_required() {
        assertThatThrownBy(() -> terms("100", "5", 12, START, START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the start date");
        assertThatThrownBy(() -> terms("100", "5", 12, null, FIRST_DUE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LoanTerms(BigDecimal.TEN, BigDecimal.ONE, 12, START, FIRST_DUE, null,
                DayCount.THIRTY_360)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void valid_rate_agrees_with_what_the_terms_accept() {
        for (String rate : new String[] {"-0.0001", "0", "9.1234", "9.12345", "99.9999", "100", "100.0000"}) {
            boolean accepted;
            try {
                terms("100", rate, 12, START, FIRST_DUE);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(LoanTerms.validRate(new BigDecimal(rate))).as(rate).isEqualTo(accepted);
        }
        assertThat(LoanTerms.validRate(null)).isFalse();
    }
}
