package io.borrowerportal.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.borrowerportal.ledger.Loans.date;
import static io.borrowerportal.ledger.Loans.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaterfallTest {

    private final Loans loan = Loans.disbursed(Loans.FIFTY_THOUSAND);

    private Allocation allocate(String date, String amount, PaymentKind kind) {
        return LoanEngine.allocate(loan.terms(), loan.entries(), date(date), usd(amount), kind);
    }

    @Test
    void a_regular_payment_goes_to_fees_then_interest_then_principal() {
        loan.fee(date("2026-01-20"), usd("25.00"));

        assertThat(allocate("2026-02-01", "500.00", PaymentKind.REGULAR))
                .isEqualTo(new Allocation(usd("25.00"), usd("416.67"), usd("58.33")));
        assertThat(allocate("2026-02-01", "100.00", PaymentKind.REGULAR))
                .isEqualTo(new Allocation(usd("25.00"), usd("75.00"), usd("0.00")));
        assertThat(allocate("2026-02-01", "10.00", PaymentKind.REGULAR))
                .isEqualTo(new Allocation(usd("10.00"), usd("0.00"), usd("0.00")));
    }

    @Test
    void a_principal_only_payment_goes_entirely_to_principal_and_leaves_interest_due() {
        loan.fee(date("2026-01-10"), usd("25.00"));
        loan.pay(date("2026-01-16"), usd("1000.00"), PaymentKind.PRINCIPAL_ONLY);

        assertThat(loan.entries().getLast().principal()).isEqualTo(usd("1000.00"));
        assertThat(loan.entries().getLast().interest()).isEqualTo(usd("0.00"));
        LoanFigures figures = LoanEngine.figures(loan.terms(), loan.entries(), date("2026-01-16"));
        assertThat(figures.principalBalance()).isEqualTo(usd("49000.00"));
        // 15 days at 10 % on 50,000 under 30/360.
        assertThat(figures.accruedInterest()).isEqualTo(usd("208.33"));
        assertThat(figures.feesDue()).isEqualTo(usd("25.00"));
    }

    @Test
    void a_principal_only_payment_above_the_principal_balance_is_refused() {
        assertThatThrownBy(() -> allocate("2026-02-01", "50000.01", PaymentKind.PRINCIPAL_ONLY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Principal-only payment of 50000.01 is more than the principal balance of 50000.00");
    }

    @Test
    void a_payment_above_the_payoff_amount_is_refused_and_the_exact_payoff_is_accepted() {
        assertThatThrownBy(() -> allocate("2026-02-01", "50416.68", PaymentKind.REGULAR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Payment of 50416.68 is more than the payoff amount of 50416.67");
        assertThat(allocate("2026-02-01", "50416.67", PaymentKind.REGULAR))
                .isEqualTo(new Allocation(usd("0.00"), usd("416.67"), usd("50000.00")));
    }

    @Test
    void an_amount_with_three_decimals_zero_or_negative_is_refused() {
        assertThatThrownBy(() -> allocate("2026-02-01", "100.005", PaymentKind.REGULAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> allocate("2026-02-01", "0.00", PaymentKind.REGULAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> allocate("2026-02-01", "-5.00", PaymentKind.REGULAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> LoanEngine.allocate(loan.terms(), loan.entries(), date("2026-02-01"), null,
                PaymentKind.REGULAR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailing_zeros_are_not_extra_decimals() {
        assertThat(allocate("2026-02-01", "438.7900", PaymentKind.REGULAR).total()).isEqualTo(usd("438.79"));
    }

    @Test
    void scheduled_payments_on_their_due_dates_split_exactly_like_the_schedule_rows() {
        assertSplitsLikeSchedule(Loans.disbursed(Loans.ONE_HUNDRED), 6);
        assertSplitsLikeSchedule(Loans.disbursed(Loans.FIFTY_THOUSAND), 36);
        assertSplitsLikeSchedule(Loans.disbursed(Loans.terms("7321.45", "23.9999", 18, "2027-01-31", "2027-02-28",
                DayCount.ACTUAL_365)), 18);
        assertSplitsLikeSchedule(Loans.disbursed(Loans.terms("2500.00", "17.25", 12, "2026-12-31", "2027-01-31",
                DayCount.THIRTY_360)), 12);
    }

    private static void assertSplitsLikeSchedule(Loans loan, int count) {
        List<Installment> schedule = LoanEngine.schedule(loan.terms());
        for (Installment row : schedule.subList(0, count)) {
            LedgerEntry payment = loan.pay(row.dueDate(), row.payment());
            assertThat(payment.interest()).as("interest of installment %d", row.number()).isEqualTo(row.interest());
            assertThat(payment.principal()).as("principal of installment %d", row.number()).isEqualTo(row.principal());
            assertThat(payment.fees()).isEqualTo(usd("0.00"));
        }
        BigDecimal balance = LoanEngine.figures(loan.terms(), loan.entries(), schedule.get(count - 1).dueDate())
                .principalBalance();
        assertThat(balance).isEqualTo(schedule.get(count - 1).balanceAfter());
    }
}
