package io.borrowerportal.autopay;

import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The term rules the wizard shows and the service enforces, from the one place both call. */
class AutoPayTermRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    private static final BigDecimal MIN = new BigDecimal("5.00");
    private static final BigDecimal MAX = new BigDecimal("5000.00");

    @Test
    void a_fixed_amount_is_within_the_lenders_limits_and_never_above_the_payoff() {
        BigDecimal payoff = new BigDecimal("1200.00");
        assertThat(AutoPayTermRules.fixedAmountProblem(new BigDecimal("150.00"), MIN, MAX, payoff)).isEmpty();
        assertThat(AutoPayTermRules.fixedAmountProblem(new BigDecimal("1200.00"), MIN, MAX, payoff)).isEmpty();
        assertThat(AutoPayTermRules.fixedAmountProblem(null, MIN, MAX, payoff))
                .contains("Enter the amount of each payment, for example 150.00.");
        assertThat(AutoPayTermRules.fixedAmountProblem(new BigDecimal("10.005"), MIN, MAX, payoff))
                .contains("Enter dollars and cents only, for example 150.00.");
        assertThat(AutoPayTermRules.fixedAmountProblem(new BigDecimal("4.99"), MIN, MAX, payoff))
                .contains("The smallest payment accepted online is $5.00. Enter at least that much.");
        assertThat(AutoPayTermRules.fixedAmountProblem(new BigDecimal("5000.01"), MIN, MAX, new BigDecimal("9000")))
                .contains("The largest payment accepted online is $5,000.00. Enter a smaller amount.");
        assertThat(AutoPayTermRules.fixedAmountProblem(new BigDecimal("1200.01"), MIN, MAX, payoff))
                .contains("That is more than the payoff amount of $1,200.00. Enter a smaller amount, or choose a "
                        + "one-time payoff.");
        assertThat(AutoPayTermRules.largestFixedAmount(MAX, payoff)).isEqualByComparingTo("1200.00");
        assertThat(AutoPayTermRules.largestFixedAmount(MAX, new BigDecimal("9000"))).isEqualByComparingTo("5000.00");
    }

    @Test
    void the_payoff_is_paid_only_as_a_one_time_autopay() {
        assertThat(AutoPayTermRules.amountGoesWith(AutoPayAmountType.PAYOFF, AutoPayFrequency.ONE_TIME)).isTrue();
        assertThat(AutoPayTermRules.amountGoesWith(AutoPayAmountType.PAYOFF, AutoPayFrequency.MONTHLY)).isFalse();
        assertThat(AutoPayTermRules.amountGoesWith(AutoPayAmountType.FIXED, AutoPayFrequency.MONTHLY)).isTrue();
        assertThat(AutoPayTermRules.amountProblem(AutoPayAmountType.PAYOFF, AutoPayFrequency.WEEKLY)).get()
                .asString().startsWith("The payoff can only be paid once.");
    }

    @Test
    void the_first_payment_is_from_today_to_a_year_ahead_or_a_kept_date_whose_payment_is_still_to_come() {
        assertThat(AutoPayTermRules.startDateProblem(TODAY, TODAY, null)).isEmpty();
        assertThat(AutoPayTermRules.startDateProblem(TODAY.plusDays(365), TODAY, null)).isEmpty();
        assertThat(AutoPayTermRules.startDateProblem(TODAY.plusDays(366), TODAY, null))
                .contains("The first payment can be at most a year ahead. Choose a date on or before December 10, 2027.");
        assertThat(AutoPayTermRules.startDateProblem(TODAY.minusDays(1), TODAY, null))
                .contains("The first payment date cannot be in the past. Choose today or a later date.");
        assertThat(AutoPayTermRules.startDateProblem(null, TODAY, null)).contains("Choose the date of the first payment.");
        // Saturday December 5, 2026 moves to Monday December 7: kept on the 7th, refused from the 8th on.
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        assertThat(AutoPayTermRules.startDateProblem(saturday, LocalDate.of(2026, 12, 7), saturday)).isEmpty();
        assertThat(AutoPayTermRules.startDateProblem(saturday, LocalDate.of(2026, 12, 8), saturday)).isPresent();
        assertThat(AutoPayTermRules.startDateProblem(saturday, LocalDate.of(2026, 12, 7), null)).isPresent();
    }

    @Test
    void last_day_of_the_month_is_offered_only_where_it_changes_the_dates() {
        assertThat(AutoPayTermRules.lastDayOfMonthChangesDates(AutoPayFrequency.MONTHLY, LocalDate.of(2026, 11, 30)))
                .as("from November 30: the 31st of the long months").isTrue();
        assertThat(AutoPayTermRules.lastDayOfMonthChangesDates(AutoPayFrequency.MONTHLY, LocalDate.of(2026, 12, 31)))
                .as("from December 31 the 31st or the month's end are the same dates").isFalse();
        assertThat(AutoPayTermRules.lastDayOfMonthChangesDates(AutoPayFrequency.MONTHLY, LocalDate.of(2026, 12, 25)))
                .isFalse();
        assertThat(AutoPayTermRules.lastDayOfMonthChangesDates(AutoPayFrequency.WEEKLY, LocalDate.of(2026, 11, 30)))
                .isFalse();
        assertThat(AutoPayTermRules.lastDayOfMonthProblem(AutoPayFrequency.MONTHLY, LocalDate.of(2026, 12, 25)))
                .contains("To pay on the last day of every month, start on the last day of a month.");
    }

    @Test
    void an_autopay_makes_one_to_six_hundred_payments_or_runs_until_paid_off() {
        assertThat(AutoPayTermRules.numberOfPaymentsProblem(null)).isEmpty();
        assertThat(AutoPayTermRules.numberOfPaymentsProblem(1)).isEmpty();
        assertThat(AutoPayTermRules.numberOfPaymentsProblem(600)).isEmpty();
        assertThat(AutoPayTermRules.numberOfPaymentsProblem(0)).isPresent();
        assertThat(AutoPayTermRules.numberOfPaymentsProblem(601)).isPresent();
    }
}
