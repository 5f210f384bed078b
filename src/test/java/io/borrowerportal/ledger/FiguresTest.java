package io.borrowerportal.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.borrowerportal.ledger.Loans.date;
import static io.borrowerportal.ledger.Loans.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiguresTest {

    private static final List<Installment> FIFTY_SCHEDULE = LoanEngine.schedule(Loans.FIFTY_THOUSAND);

    @Test
    void a_loan_paid_on_schedule_for_twelve_months_is_current_with_the_schedule_balance() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(12);

        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2027-01-06"));

        assertThat(figures.status()).isEqualTo(LoanStatus.CURRENT);
        assertThat(figures.principalBalance()).isEqualTo(FIFTY_SCHEDULE.get(11).balanceAfter());
        assertThat(figures.nextDueDate()).isEqualTo(date("2027-02-01"));
        assertThat(figures.nextPaymentAmount()).isEqualTo(usd("438.79"));
        assertThat(figures.amountDue()).isEqualTo(usd("438.79"));
        assertThat(figures.pastDueAmount()).isEqualTo(usd("0.00"));
        assertThat(figures.daysPastDue()).isZero();
        assertThat(figures.paymentsMade()).isEqualTo(12);
        assertThat(figures.paymentsRemaining()).isEqualTo(348);
        assertThat(figures.projectedPayoffDate()).isEqualTo(date("2056-01-01"));
        assertThat(figures.maturityDate()).isEqualTo(date("2056-01-01"));
        assertThat(figures.lastPaymentDate()).isEqualTo(date("2027-01-01"));
        assertThat(figures.lastPaymentAmount()).isEqualTo(usd("438.79"));
        assertThat(figures.scheduledPayment()).isEqualTo(usd("438.79"));
        assertThat(figures.originalPrincipal()).isEqualTo(usd("50000.00"));
        assertThat(figures.principalPaidPercent()).isEqualTo(new BigDecimal("0.6")); // 277.99 of 50,000 = 0.556 %
    }

    @Test
    void on_schedule_the_forecast_is_the_rest_of_the_contract_schedule() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(12);

        List<Installment> forecast = LoanEngine.forecast(loan.terms(), loan.entries(), date("2027-01-06"));

        assertThat(forecast).isEqualTo(FIFTY_SCHEDULE.subList(12, 360));
    }

    @Test
    void a_due_date_paid_on_the_day_moves_the_next_due_date_to_the_following_installment() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(1);
        assertThat(LoanEngine.figures(loan.terms(), loan.entries(), date("2026-02-01")).nextDueDate())
                .isEqualTo(date("2026-03-01"));
        Loans unpaid = Loans.disbursed(Loans.FIFTY_THOUSAND);
        LoanFigures dueToday = LoanEngine.figures(unpaid.terms(), unpaid.entries(), date("2026-02-01"));
        assertThat(dueToday.nextDueDate()).isEqualTo(date("2026-02-01"));
        assertThat(dueToday.status()).isEqualTo(LoanStatus.CURRENT);
    }

    @Test
    void missing_two_payments_makes_the_loan_past_due_from_the_oldest_unpaid_installment() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(10);
        loan.fee(date("2026-12-16"), usd("15.00"));

        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2027-01-11"));

        assertThat(figures.status()).isEqualTo(LoanStatus.PAST_DUE);
        // Installment 11 fell due on 2026-12-01: 30 + 11 days ago.
        assertThat(figures.daysPastDue()).isEqualTo(41);
        assertThat(figures.pastDueAmount()).isEqualTo(usd("892.58")); // 2 × 438.79 + 15.00 fee
        assertThat(figures.nextDueDate()).isEqualTo(date("2027-02-01"));
        assertThat(figures.nextPaymentAmount()).isEqualTo(usd("438.79"));
        assertThat(figures.amountDue()).isEqualTo(usd("1331.37"));
        assertThat(figures.principalBalance()).isEqualTo(FIFTY_SCHEDULE.get(9).balanceAfter());
    }

    @Test
    void a_partial_payment_leaves_the_rest_of_the_installment_past_due() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND);
        loan.pay(date("2026-02-01"), usd("400.00"));

        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-02-05"));

        assertThat(figures.status()).isEqualTo(LoanStatus.PAST_DUE);
        assertThat(figures.daysPastDue()).isEqualTo(4);
        assertThat(figures.pastDueAmount()).isEqualTo(usd("38.79"));
        assertThat(figures.nextDueDate()).isEqualTo(date("2026-03-01"));
    }

    @Test
    void paying_ahead_moves_the_next_due_date_and_a_partial_extra_reduces_the_next_payment() {
        Loans threeAtOnce = Loans.disbursed(Loans.FIFTY_THOUSAND);
        threeAtOnce.pay(date("2026-02-01"), usd("1316.37"));
        LoanFigures ahead = LoanEngine.figures(threeAtOnce.terms(), threeAtOnce.entries(), date("2026-02-02"));
        assertThat(ahead.nextDueDate()).isEqualTo(date("2026-05-01"));
        assertThat(ahead.nextPaymentAmount()).isEqualTo(usd("438.79"));
        assertThat(ahead.status()).isEqualTo(LoanStatus.CURRENT);
        assertThat(ahead.amountDue()).isEqualTo(usd("438.79"));
        // Still current two months later: the extra money covered March and April.
        assertThat(LoanEngine.figures(threeAtOnce.terms(), threeAtOnce.entries(), date("2026-04-20")).status())
                .isEqualTo(LoanStatus.CURRENT);

        Loans extra = Loans.disbursed(Loans.FIFTY_THOUSAND);
        extra.pay(date("2026-02-01"), usd("638.79"));
        LoanFigures partly = LoanEngine.figures(extra.terms(), extra.entries(), date("2026-02-02"));
        assertThat(partly.nextDueDate()).isEqualTo(date("2026-03-01"));
        assertThat(partly.nextPaymentAmount()).isEqualTo(usd("238.79"));
    }

    @Test
    void a_principal_only_payment_lowers_the_balance_but_the_next_payment_is_still_due_in_full() {
        Loans regular = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(3);
        Loans extra = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(3);
        extra.pay(date("2026-04-10"), usd("5000.00"), PaymentKind.PRINCIPAL_ONLY);
        LocalDate asOf = date("2026-04-20");

        LoanFigures without = LoanEngine.figures(regular.terms(), regular.entries(), asOf);
        LoanFigures with = LoanEngine.figures(extra.terms(), extra.entries(), asOf);

        assertThat(with.principalBalance()).isEqualTo(without.principalBalance().subtract(usd("5000.00")));
        assertThat(with.nextDueDate()).isEqualTo(without.nextDueDate());
        assertThat(with.amountDue()).isEqualTo(usd("438.79"));
        assertThat(with.paymentsMade()).isEqualTo(3);
        assertThat(with.lastPaymentAmount()).isEqualTo(usd("5000.00"));
        assertThat(with.paymentsRemaining()).isLessThan(without.paymentsRemaining());
    }

    @Test
    void payoff_is_principal_plus_interest_to_the_day_plus_fees_and_grows_by_the_per_diem() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND);
        loan.fee(date("2026-01-05"), usd("15.00"));

        LoanFigures tenDays = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-01-11"));
        LoanFigures elevenDays = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-01-12"));

        assertThat(tenDays.accruedInterest()).isEqualTo(usd("138.89")); // 50,000 × 10 % × 10/360
        assertThat(tenDays.feesDue()).isEqualTo(usd("15.00"));
        assertThat(tenDays.payoffAmount()).isEqualTo(usd("50153.89"));
        assertThat(tenDays.perDiem()).isEqualTo(usd("13.89")); // 50,000 × 10 % / 360
        assertThat(elevenDays.payoffAmount()).isEqualTo(usd("50167.78"));
        assertThat(tenDays.pastDueAmount()).isEqualTo(usd("15.00"));
        assertThat(tenDays.status()).isEqualTo(LoanStatus.CURRENT);
    }

    @Test
    void the_actual_365_per_diem_divides_by_365() {
        Loans loan = Loans.disbursed(Loans.terms("36500.00", "10", 12, "2026-01-01", "2026-02-01", DayCount.ACTUAL_365));
        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-01-31"));
        assertThat(figures.perDiem()).isEqualTo(usd("10.00"));
        assertThat(figures.accruedInterest()).isEqualTo(usd("300.00"));
    }

    @Test
    void a_level_payment_rounded_down_leaves_its_cents_to_the_contracts_last_installment_not_to_a_payment_after_maturity() {
        // 1,580.17 a month is 0.38 short over 30 years: the schedule's 360th payment is 1,580.55.
        LoanTerms home = Loans.terms("250000.00", "6.5", 360, "2016-12-05", "2017-01-05", DayCount.THIRTY_360);
        List<Installment> schedule = LoanEngine.schedule(home);
        Loans loan = Loans.disbursed(home).payOnSchedule(120);

        List<Installment> forecast = LoanEngine.forecast(home, loan.entries(), date("2026-12-10"));
        LoanFigures figures = LoanEngine.figures(home, loan.entries(), date("2026-12-10"));

        assertThat(schedule.getLast().payment()).isEqualTo(usd("1580.55"));
        assertThat(forecast).isEqualTo(schedule.subList(120, 360));
        assertThat(figures.paymentsRemaining()).isEqualTo(240);
        assertThat(figures.projectedPayoffDate()).isEqualTo(date("2046-12-05"));
    }

    @Test
    void a_fully_paid_loan_is_paid_off_owes_nothing_and_has_no_forecast() {
        Loans loan = Loans.disbursed(Loans.ONE_HUNDRED).payOnSchedule(6);

        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-08-01"));

        assertThat(figures.status()).isEqualTo(LoanStatus.PAID_OFF);
        assertThat(figures.amountDue()).isEqualTo(usd("0.00"));
        assertThat(figures.payoffAmount()).isEqualTo(usd("0.00"));
        assertThat(figures.pastDueAmount()).isEqualTo(usd("0.00"));
        assertThat(figures.nextDueDate()).isNull();
        assertThat(figures.paymentsRemaining()).isZero();
        assertThat(figures.paymentsMade()).isEqualTo(6);
        assertThat(figures.projectedPayoffDate()).isEqualTo(date("2026-07-15"));
        assertThat(figures.principalPaidPercent()).isEqualTo(new BigDecimal("100.0"));
        assertThat(LoanEngine.forecast(loan.terms(), loan.entries(), date("2026-08-01"))).isEmpty();
    }

    @Test
    void paying_the_quoted_payoff_early_pays_the_loan_off_that_day() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(12);
        LocalDate day = date("2027-01-20");
        BigDecimal payoff = LoanEngine.figures(loan.terms(), loan.entries(), day).payoffAmount();

        loan.pay(day, payoff);

        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2027-03-01"));
        assertThat(figures.status()).isEqualTo(LoanStatus.PAID_OFF);
        assertThat(figures.projectedPayoffDate()).isEqualTo(day);
        assertThat(figures.lastPaymentAmount()).isEqualTo(payoff);
    }

    @Test
    void a_reversed_payment_restores_the_balance_and_the_interest_as_if_it_never_happened() {
        Loans withReversal = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(3);
        LedgerEntry bounced = withReversal.pay(date("2026-05-01"), usd("438.79"));
        withReversal.reverse(bounced);
        withReversal.pay(date("2026-05-20"), usd("900.00"));
        Loans without = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(3);
        without.pay(date("2026-05-20"), usd("900.00"));

        LocalDate asOf = date("2026-06-10");
        LoanFigures figures = LoanEngine.figures(withReversal.terms(), withReversal.entries(), asOf);

        assertThat(figures).isEqualTo(LoanEngine.figures(without.terms(), without.entries(), asOf));
        assertThat(LoanEngine.forecast(withReversal.terms(), withReversal.entries(), asOf))
                .isEqualTo(LoanEngine.forecast(without.terms(), without.entries(), asOf));
        assertThat(figures.paymentsMade()).isEqualTo(4);
        assertThat(withReversal.entries().getLast().interest())
                .isEqualTo(without.entries().getLast().interest());

        List<HistoryRow> history = LoanEngine.history(withReversal.terms(), withReversal.entries());
        assertThat(history).extracting(HistoryRow::reversed)
                .containsExactly(false, false, false, false, true, false, false);
        assertThat(history.get(4).principalBalanceAfter()).isEqualTo(FIFTY_SCHEDULE.get(3).balanceAfter());
        assertThat(history.get(5).principalBalanceAfter()).isEqualTo(FIFTY_SCHEDULE.get(2).balanceAfter());
    }

    @Test
    void a_reversed_disbursement_takes_the_principal_back_out_of_the_history() {
        Loans loan = Loans.disbursed(Loans.ONE_HUNDRED);
        loan.reverse(loan.entries().getFirst());

        assertThat(LoanEngine.history(loan.terms(), loan.entries())).extracting(HistoryRow::principalBalanceAfter)
                .containsExactly(usd("100.00"), usd("0.00"));
        assertThat(LoanEngine.figures(loan.terms(), loan.entries(), date("2026-03-01")).status())
                .isEqualTo(LoanStatus.CURRENT);
    }

    @Test
    void a_loan_behind_at_maturity_owes_everything_as_past_due_and_the_forecast_runs_past_the_contract() {
        Loans loan = Loans.disbursed(Loans.ONE_HUNDRED).payOnSchedule(4);

        LocalDate asOf = date("2026-09-20");
        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), asOf);
        List<Installment> forecast = LoanEngine.forecast(loan.terms(), loan.entries(), asOf);

        assertThat(figures.status()).isEqualTo(LoanStatus.PAST_DUE);
        assertThat(figures.daysPastDue()).isEqualTo(97); // since installment 5, 2026-06-15
        assertThat(figures.pastDueAmount()).isEqualTo(figures.payoffAmount());
        assertThat(figures.amountDue()).isEqualTo(figures.payoffAmount());
        assertThat(figures.payoffAmount()).isGreaterThan(usd("33.86"));
        assertThat(figures.nextDueDate()).isNull();
        assertThat(forecast.getFirst().dueDate()).isEqualTo(date("2026-10-15"));
        assertThat(forecast.getFirst().number()).isEqualTo(9);
        assertThat(forecast.getLast().balanceAfter()).isEqualTo(usd("0.00"));
        assertThat(figures.projectedPayoffDate()).isEqualTo(forecast.getLast().dueDate());
    }

    @Test
    void the_first_forecast_payment_pays_the_fees_due_in_its_own_part() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(2);
        loan.fee(date("2026-03-10"), usd("15.00"));

        List<Installment> forecast = LoanEngine.forecast(loan.terms(), loan.entries(), date("2026-03-15"));

        assertThat(forecast.getFirst().payment()).isEqualTo(usd("453.79"));
        assertThat(forecast.getFirst().fees()).isEqualTo(usd("15.00"));
        assertThat(forecast.getFirst().interest().add(forecast.getFirst().principal())).isEqualTo(usd("438.79"));
        assertThat(forecast.get(1).payment()).isEqualTo(usd("438.79"));
        assertThat(forecast.get(1).fees()).isEqualTo(usd("0.00"));
    }

    @Test
    void a_borrower_behind_sees_the_first_forecast_row_pay_the_amount_due_and_no_row_with_negative_principal() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(2);
        loan.fee(date("2026-04-11"), usd("25.00"));
        LocalDate asOf = date("2026-06-10");

        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), asOf);
        List<Installment> forecast = LoanEngine.forecast(loan.terms(), loan.entries(), asOf);

        assertThat(figures.status()).isEqualTo(LoanStatus.PAST_DUE);
        assertThat(forecast.getFirst().payment()).isEqualTo(figures.amountDue());
        assertThat(forecast.getFirst().fees()).isEqualTo(usd("25.00"));
        assertThat(forecast).allSatisfy(row -> {
            assertThat(row.principal()).isNotNegative();
            assertThat(row.payment()).isEqualTo(row.principal().add(row.interest()).add(row.fees()));
        });
        assertThat(forecast.get(1).payment()).isEqualTo(usd("438.79"));
        assertThat(forecast.getLast().balanceAfter()).isEqualTo(usd("0.00"));
    }

    @Test
    void a_ledger_without_a_disbursement_shows_zeros_and_is_current_rather_than_failing() {
        LoanFigures figures = LoanEngine.figures(Loans.ONE_HUNDRED, List.of(), date("2026-05-01"));

        assertThat(figures.status()).isEqualTo(LoanStatus.CURRENT);
        assertThat(figures.principalBalance()).isEqualTo(usd("0.00"));
        assertThat(figures.payoffAmount()).isEqualTo(usd("0.00"));
        assertThat(figures.amountDue()).isEqualTo(usd("0.00"));
        assertThat(figures.principalPaidPercent()).isEqualTo(new BigDecimal("0.0"));
        assertThat(LoanEngine.forecast(Loans.ONE_HUNDRED, List.of(), date("2026-05-01"))).isEmpty();
        assertThat(LoanEngine.history(Loans.ONE_HUNDRED, List.of())).isEmpty();
        assertThatThrownBy(() -> LoanEngine.allocate(Loans.ONE_HUNDRED, List.of(), date("2026-05-01"), usd("1.00"),
                PaymentKind.REGULAR)).hasMessage("Payment of 1.00 is more than the payoff amount of 0.00");
    }

    @Test
    void entries_in_any_order_give_the_same_figures() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(6);
        List<LedgerEntry> shuffled = new java.util.ArrayList<>(loan.entries());
        java.util.Collections.reverse(shuffled);

        assertThat(LoanEngine.figures(loan.terms(), shuffled, date("2026-07-04")))
                .isEqualTo(LoanEngine.figures(loan.terms(), loan.entries(), date("2026-07-04")));
    }

    @Test
    void entries_after_the_as_of_date_do_not_count() {
        Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND).payOnSchedule(6);
        LoanFigures early = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-04-15"));

        assertThat(early.paymentsMade()).isEqualTo(3);
        assertThat(early.principalBalance()).isEqualTo(FIFTY_SCHEDULE.get(2).balanceAfter());
    }
}
