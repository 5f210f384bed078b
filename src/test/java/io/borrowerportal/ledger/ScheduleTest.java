package io.borrowerportal.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.borrowerportal.ledger.Loans.date;
import static io.borrowerportal.ledger.Loans.terms;
import static io.borrowerportal.ledger.Loans.usd;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleTest {

    @Test
    void fifty_thousand_at_ten_percent_over_360_months_pays_438_79() {
        assertThat(LoanEngine.levelPayment(Loans.FIFTY_THOUSAND)).isEqualTo(usd("438.79"));

        List<Installment> schedule = LoanEngine.schedule(Loans.FIFTY_THOUSAND);
        assertThat(schedule).hasSize(360);
        assertThat(schedule.getFirst().interest()).isEqualTo(usd("416.67"));
        assertThat(schedule.getFirst().principal()).isEqualTo(usd("22.12"));
        assertThat(schedule.getLast().dueDate()).isEqualTo(date("2056-01-01"));
        assertThat(schedule.getLast().balanceAfter()).isEqualTo(usd("0.00"));
        assertThat(sumPrincipal(schedule)).isEqualTo(usd("50000.00"));
    }

    @Test
    void one_hundred_dollars_at_9_4822_percent_over_six_months_matches_the_reference_schedule() {
        List<Installment> schedule = LoanEngine.schedule(Loans.ONE_HUNDRED);

        assertThat(LoanEngine.levelPayment(Loans.ONE_HUNDRED)).isEqualTo(usd("17.13"));
        assertThat(schedule).extracting(Installment::interest)
                .containsExactly(usd("0.79"), usd("0.66"), usd("0.53"), usd("0.40"), usd("0.27"), usd("0.13"));
        assertThat(schedule).extracting(Installment::balanceAfter)
                .containsExactly(usd("83.66"), usd("67.19"), usd("50.59"), usd("33.86"), usd("17.00"), usd("0.00"));
        assertThat(schedule).extracting(Installment::payment).containsOnly(usd("17.13"));
        assertThat(schedule.getLast().principal()).isEqualTo(usd("17.00"));
        assertThat(schedule).extracting(Installment::dueDate).containsExactly(date("2026-02-15"),
                date("2026-03-15"), date("2026-04-15"), date("2026-05-15"), date("2026-06-15"), date("2026-07-15"));
    }

    @Test
    void at_zero_percent_the_payment_is_rounded_up_and_the_last_one_absorbs_the_difference() {
        LoanTerms terms = terms("100.00", "0", 3, "2026-01-01", "2026-02-01", DayCount.THIRTY_360);

        assertThat(LoanEngine.levelPayment(terms)).isEqualTo(usd("33.34"));
        List<Installment> schedule = LoanEngine.schedule(terms);
        assertThat(schedule).extracting(Installment::payment).containsExactly(usd("33.34"), usd("33.34"), usd("33.32"));
        assertThat(schedule).extracting(Installment::interest).containsOnly(usd("0.00"));
        assertThat(schedule.getLast().balanceAfter()).isEqualTo(usd("0.00"));
    }

    @Test
    void due_dates_anchored_on_the_31st_fall_on_the_last_day_of_short_months_and_return_to_the_31st() {
        LoanTerms from2027 = terms("1200.00", "12", 4, "2026-12-31", "2027-01-31", DayCount.THIRTY_360);
        LoanTerms from2028 = terms("1200.00", "12", 4, "2027-12-31", "2028-01-31", DayCount.THIRTY_360);

        assertThat(LoanEngine.schedule(from2027)).extracting(Installment::dueDate).containsExactly(
                date("2027-01-31"), date("2027-02-28"), date("2027-03-31"), date("2027-04-30"));
        assertThat(LoanEngine.schedule(from2028)).extracting(Installment::dueDate).containsExactly(
                date("2028-01-31"), date("2028-02-29"), date("2028-03-31"), date("2028-04-30"));
    }

    @Test
    void thirty_360_counts_the_31st_as_the_30th_and_the_end_of_february_as_the_30th_when_it_starts_a_period() {
        assertThat(DayCounts.days360(date("2026-01-15"), date("2026-02-15"))).isEqualTo(30);
        assertThat(DayCounts.days360(date("2026-01-31"), date("2026-03-31"))).isEqualTo(60);
        assertThat(DayCounts.days360(date("2026-01-30"), date("2026-01-31"))).isEqualTo(0);
        assertThat(DayCounts.days360(date("2026-01-15"), date("2026-01-31"))).isEqualTo(16);
        assertThat(DayCounts.days360(date("2027-02-28"), date("2027-03-31"))).isEqualTo(30);
        assertThat(DayCounts.days360(date("2028-02-28"), date("2028-03-28"))).isEqualTo(30);
        assertThat(DayCounts.days360(date("2028-02-29"), date("2028-03-31"))).isEqualTo(30);
        assertThat(DayCounts.days360(date("2027-01-31"), date("2027-02-28"))).isEqualTo(28);
        assertThat(DayCounts.days360(date("2026-01-01"), date("2027-01-01"))).isEqualTo(360);
    }

    @Test
    void a_thirty_360_period_from_the_end_of_february_to_the_31st_is_a_regular_month() {
        LoanTerms terms = terms("12000.00", "12", 4, "2026-12-31", "2027-01-31", DayCount.THIRTY_360);
        List<Installment> schedule = LoanEngine.schedule(terms);

        assertThat(schedule.get(0).interest()).isEqualTo(usd("120.00"));
        // Jan 31 → Feb 28 counts 28 days (only D1 gets the February rule); Feb 28 → Mar 31 counts 30.
        assertThat(schedule.get(1).interest()).isEqualTo(percentOfBalance(schedule.get(0).balanceAfter(), 28));
        assertThat(schedule.get(2).interest()).isEqualTo(percentOfBalance(schedule.get(1).balanceAfter(), 30));
    }

    private static BigDecimal percentOfBalance(BigDecimal balance, int days) {
        return balance.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(3000), 2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void an_actual_365_schedule_charges_by_calendar_days_and_ends_at_zero() {
        LoanTerms terms = terms("10000.00", "12", 24, "2026-01-01", "2026-02-01", DayCount.ACTUAL_365);
        List<Installment> schedule = LoanEngine.schedule(terms);

        // 31 days of January, then 28 of February: 10000 × 12% × 31/365 = 101.917...
        assertThat(schedule.get(0).interest()).isEqualTo(usd("101.92"));
        BigDecimal expectedFebruary = schedule.get(0).balanceAfter().multiply(usd("0.12")).multiply(BigDecimal.valueOf(28))
                .divide(BigDecimal.valueOf(365), 2, java.math.RoundingMode.HALF_UP);
        assertThat(schedule.get(1).interest()).isEqualTo(expectedFebruary);
        assertThat(schedule).hasSize(24);
        assertThat(schedule.getLast().balanceAfter()).isEqualTo(usd("0.00"));
        assertThat(sumPrincipal(schedule)).isEqualTo(usd("10000.00"));
        assertThat(schedule).allSatisfy(row -> assertThat(row.payment()).isEqualTo(row.principal().add(row.interest())));
    }

    @Test
    void a_schedule_whose_payments_clear_the_balance_early_stops_at_zero_instead_of_going_negative() {
        LoanTerms tiny = terms("1.00", "0", 360, "2026-01-01", "2026-02-01", DayCount.THIRTY_360);
        List<Installment> schedule = LoanEngine.schedule(tiny);

        assertThat(schedule).hasSize(100);
        assertThat(schedule).allSatisfy(row -> assertThat(row.balanceAfter().signum()).isNotNegative());
        assertThat(schedule.getLast().balanceAfter()).isEqualTo(usd("0.00"));
    }

    @Test
    void a_long_first_period_charges_interest_for_all_of_it() {
        LoanTerms terms = terms("1000.00", "12", 12, "2026-01-01", "2026-03-01", DayCount.THIRTY_360);
        assertThat(LoanEngine.schedule(terms).getFirst().interest()).isEqualTo(usd("20.00"));
    }

    private static BigDecimal sumPrincipal(List<Installment> rows) {
        return rows.stream().map(Installment::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
