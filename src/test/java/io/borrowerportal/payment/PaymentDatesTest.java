package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.PaymentChannel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Process and apply dates with explicit times of day: the test application clock runs on the wall-clock
 * time of day, so the cut-off rule is tested here rather than in the service tests.
 */
class PaymentDatesTest {

    private static final LocalTime CUTOFF = LocalTime.of(17, 0);
    /** Thursday; Friday 2026-12-11 is a business day, 12-12/13 a weekend, 12-25 Christmas (Friday). */
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 10);

    private static PaymentDates of(LocalDate requested, PaymentChannel channel, LocalDateTime now) {
        return PaymentDates.of(requested, channel, now, CUTOFF, 30);
    }

    @Test
    void today_before_the_cutoff_moves_money_today() {
        for (PaymentChannel channel : PaymentChannel.values()) {
            PaymentDates dates = of(null, channel, THURSDAY.atTime(16, 59, 59));
            assertThat(dates).isEqualTo(new PaymentDates(THURSDAY, THURSDAY, false, false));
        }
    }

    @Test
    void today_at_or_after_the_cutoff_moves_money_the_next_business_day_and_still_counts_today() {
        for (PaymentChannel channel : PaymentChannel.values()) {
            assertThat(of(THURSDAY, channel, THURSDAY.atTime(17, 0)))
                    .isEqualTo(new PaymentDates(THURSDAY.plusDays(1), THURSDAY, false, true));
        }
        LocalDate friday = THURSDAY.plusDays(1);
        assertThat(of(null, PaymentChannel.BANK, friday.atTime(18, 30)))
                .isEqualTo(new PaymentDates(LocalDate.of(2026, 12, 14), friday, false, true));
    }

    @Test
    void a_bank_payment_made_on_a_weekend_or_holiday_moves_money_the_next_business_day_a_card_the_same_day() {
        LocalDate saturday = LocalDate.of(2026, 12, 12);
        assertThat(of(null, PaymentChannel.BANK, saturday.atTime(9, 0)))
                .isEqualTo(new PaymentDates(LocalDate.of(2026, 12, 14), saturday, false, false));
        assertThat(of(null, PaymentChannel.CARD, saturday.atTime(9, 0)))
                .isEqualTo(new PaymentDates(saturday, saturday, false, false));
    }

    @Test
    void future_dated_on_a_weekend_or_holiday_bank_moves_to_the_next_business_day_card_keeps_the_date() {
        LocalDateTime now = THURSDAY.atTime(10, 0);
        LocalDate saturday = LocalDate.of(2026, 12, 12);
        assertThat(of(saturday, PaymentChannel.BANK, now))
                .isEqualTo(new PaymentDates(LocalDate.of(2026, 12, 14), saturday, true, false));
        assertThat(of(saturday, PaymentChannel.CARD, now)).isEqualTo(new PaymentDates(saturday, saturday, true, false));
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        assertThat(of(christmas, PaymentChannel.BANK, now))
                .isEqualTo(new PaymentDates(LocalDate.of(2026, 12, 28), christmas, true, false));
        assertThat(of(christmas, PaymentChannel.CARD, now)).isEqualTo(new PaymentDates(christmas, christmas, true, false));
    }

    @Test
    void a_future_date_is_scheduled_whatever_the_time_of_day() {
        assertThat(of(THURSDAY.plusDays(1), PaymentChannel.CARD, THURSDAY.atTime(23, 0)))
                .isEqualTo(new PaymentDates(THURSDAY.plusDays(1), THURSDAY.plusDays(1), true, false));
    }

    @Test
    void a_past_date_is_refused() {
        assertThatThrownBy(() -> of(THURSDAY.minusDays(1), PaymentChannel.CARD, THURSDAY.atTime(9, 0)))
                .isInstanceOf(PaymentRefusedException.class).hasMessageContaining("cannot be in the past");
    }

    @Test
    void beyond_the_window_is_refused_and_its_last_day_accepted() {
        LocalDateTime now = THURSDAY.atTime(9, 0);
        assertThat(of(THURSDAY.plusDays(30), PaymentChannel.CARD, now).scheduled()).isTrue();
        assertThatThrownBy(() -> of(THURSDAY.plusDays(31), PaymentChannel.CARD, now))
                .isInstanceOf(PaymentRefusedException.class)
                .hasMessageContaining("up to 30 days ahead").hasMessageContaining("January 9, 2027");
        assertThatThrownBy(() -> PaymentDates.of(THURSDAY.plusDays(1), PaymentChannel.BANK, now, CUTOFF, 0))
                .hasMessageContaining("cannot be scheduled ahead");
    }
}
