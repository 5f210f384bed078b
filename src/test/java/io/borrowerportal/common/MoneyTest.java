package io.borrowerportal.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void rounding_takes_a_half_cent_up_and_less_than_half_down() {
        assertThat(Money.round(new BigDecimal("1.005"))).isEqualByComparingTo("1.01").hasScaleOf(2);
        assertThat(Money.round(new BigDecimal("1.0049999"))).isEqualTo(new BigDecimal("1.00"));
        assertThat(Money.round(new BigDecimal("2.675"))).isEqualTo(new BigDecimal("2.68"));
        assertThat(Money.round(new BigDecimal("-1.005"))).isEqualTo(new BigDecimal("-1.01"));
        assertThat(Money.round(new BigDecimal("7"))).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void an_amount_with_three_decimals_is_refused_rather_than_rounded() {
        assertThatThrownBy(() -> Money.of("12.345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> Money.requireCents(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailing_zeros_beyond_the_cent_are_accepted_and_normalised_to_two_decimals() {
        assertThat(Money.of("12.340")).isEqualTo(new BigDecimal("12.34"));
        assertThat(Money.of("5")).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void min_and_max_pick_by_value_not_by_scale() {
        assertThat(Money.max(new BigDecimal("1.50"), new BigDecimal("1.49"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(Money.min(new BigDecimal("1.50"), new BigDecimal("1.49"))).isEqualTo(new BigDecimal("1.49"));
    }
}
