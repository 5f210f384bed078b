package io.borrowerportal.statement;

import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.ledger.PaymentKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Statement figures against ledgers built here, split by the engine as the service splits them. */
class StatementFiguresTest {

    private static final YearMonth FIRST = YearMonth.of(2025, 10);
    private static final YearMonth LAST = YearMonth.of(2026, 12);

    /**
     * Fourteen months of a 36-month auto loan: on-time payments, a returned payment paid again with a fee, a late fee,
     * and an extra principal payment.
     */
    private static TestLedger busyLoan() {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("12000.00", "7.5000", 36, "2025-10-05", DayCount.THIRTY_360));
        List<Installment> schedule = loan.schedule();
        for (int k = 0; k < 14; k++) {
            Installment due = schedule.get(k);
            LedgerEntry paid = loan.pay(due.dueDate(), due.payment());
            if (k == 4) {
                loan.reverse(paid);
                loan.fee(due.dueDate().plusDays(3), "25.00");
                loan.pay(due.dueDate().plusDays(14), due.payment().add(new BigDecimal("25.00")));
            }
            if (k == 7) {
                loan.pay(due.dueDate().plusDays(9), new BigDecimal("750.00"), PaymentKind.PRINCIPAL_ONLY);
            }
        }
        loan.fee(LocalDate.parse("2026-11-20"), "15.00");
        return loan;
    }

    private static StatementFigures month(TestLedger loan, YearMonth period) {
        return StatementFigures.of(loan.terms(), loan.entries(), period, null).orElseThrow();
    }

    @Test
    void the_closing_balance_of_each_month_is_the_opening_balance_of_the_next() {
        TestLedger loan = busyLoan();
        StatementFigures previous = null;
        for (YearMonth period = FIRST; !period.isAfter(LAST); period = period.plusMonths(1)) {
            StatementFigures figures = month(loan, period);
            if (previous != null) {
                assertThat(figures.openingBalance()).as("opening of %s", period).isEqualByComparingTo(previous.closingBalance());
            }
            assertThat(figures.closingBalance()).as("closing of %s is the ledger's principal at the month's end", period)
                    .isEqualByComparingTo(LoanEngine.figures(loan.terms(), loan.entries(), period.atEndOfMonth()).principalBalance());
            previous = figures;
        }
        assertThat(month(loan, FIRST).openingBalance()).as("nothing was owed before the disbursement").isEqualByComparingTo("0.00");
        assertThat(month(loan, FIRST).closingBalance()).isEqualByComparingTo("12000.00");
    }

    @Test
    void each_line_carries_the_balance_on_from_the_opening_one_to_the_closing_one() {
        TestLedger loan = busyLoan();
        for (YearMonth period = FIRST; !period.isAfter(LAST); period = period.plusMonths(1)) {
            StatementFigures figures = month(loan, period);
            BigDecimal balance = figures.openingBalance();
            for (StatementLine line : figures.lines()) {
                BigDecimal effect = switch (line.entry().type()) {
                    case DISBURSEMENT -> line.entry().principal();
                    case PAYMENT, PRINCIPAL_PAYMENT, REVERSAL -> line.entry().principal().negate();
                    default -> Money.ZERO;
                };
                balance = balance.add(effect);
                assertThat(line.balanceAfter()).as("%s %s", period, line.entry()).isEqualByComparingTo(balance);
            }
            assertThat(balance).as("closing of %s", period).isEqualByComparingTo(figures.closingBalance());
        }
    }

    @Test
    void interest_paid_year_to_date_is_the_sum_of_the_months_of_that_year() {
        TestLedger loan = busyLoan();
        BigDecimal sum2026 = Money.ZERO;
        for (YearMonth period = YearMonth.of(2026, 1); !period.isAfter(LAST); period = period.plusMonths(1)) {
            StatementFigures figures = month(loan, period);
            sum2026 = sum2026.add(figures.interestPaid());
            assertThat(figures.interestPaidYearToDate()).as("year to date in %s", period).isEqualByComparingTo(sum2026);
        }
        BigDecimal paidIn2026 = loan.entries().stream()
                .filter(e -> e.effectiveDate().getYear() == 2026 && e.type() != EntryType.FEE)
                .map(LedgerEntry::interest).reduce(Money.ZERO, BigDecimal::add);
        assertThat(sum2026).as("every payment's interest, less the returned one's").isEqualByComparingTo(paidIn2026)
                .isPositive();

        StatementFigures december2025 = month(loan, YearMonth.of(2025, 12));
        assertThat(december2025.interestPaidYearToDate()).as("2025 had two payments, in November and December")
                .isEqualByComparingTo(month(loan, YearMonth.of(2025, 11)).interestPaid().add(december2025.interestPaid()));
        assertThat(month(loan, YearMonth.of(2026, 1)).interestPaidYearToDate()).as("a new year starts from nothing")
                .isEqualByComparingTo(month(loan, YearMonth.of(2026, 1)).interestPaid());
    }

    @Test
    void a_month_lists_its_entries_with_their_split_and_adds_up_what_was_paid_and_charged() {
        TestLedger loan = busyLoan();
        // Installment 5 falls on 2026-03-05: paid, returned, a fee on the 8th, paid again with the fee on the 19th.
        StatementFigures march = month(loan, YearMonth.of(2026, 3));
        assertThat(march.lines()).extracting(line -> line.entry().type()).containsExactly(EntryType.PAYMENT,
                EntryType.REVERSAL, EntryType.FEE, EntryType.PAYMENT);
        assertThat(march.lines().getFirst().reversed()).as("the returned payment is marked").isTrue();
        assertThat(march.lines()).noneMatch(StatementLine::late);
        LedgerEntry repaid = march.lines().get(3).entry();
        assertThat(march.interestPaid()).as("the returned payment's interest is taken back").isEqualByComparingTo(repaid.interest());
        assertThat(march.principalPaid()).isEqualByComparingTo(repaid.principal());
        assertThat(march.feesPaid()).isEqualByComparingTo("25.00");
        assertThat(march.feesCharged()).isEqualByComparingTo("25.00");
        assertThat(repaid.amount()).isEqualByComparingTo(repaid.principal().add(repaid.interest()).add(repaid.fees()));

        // Installment 8 on 2026-06-05 and 750.00 of principal on the 14th.
        StatementFigures june = month(loan, YearMonth.of(2026, 6));
        assertThat(june.lines()).extracting(line -> line.entry().type())
                .containsExactly(EntryType.PAYMENT, EntryType.PRINCIPAL_PAYMENT);
        assertThat(june.principalPaid()).isEqualByComparingTo(june.lines().get(0).entry().principal().add(new BigDecimal("750.00")));
        assertThat(june.closingBalance()).isEqualByComparingTo(june.openingBalance().subtract(june.principalPaid()));
    }

    @Test
    void the_next_payment_is_the_one_due_after_the_month_as_the_ledger_stood_at_its_end() {
        TestLedger loan = busyLoan();
        StatementFigures november = month(loan, YearMonth.of(2026, 11));
        assertThat(november.atPeriodEnd().asOf()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(november.atPeriodEnd().nextDueDate()).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(november.atPeriodEnd().feesDue()).as("the late fee of November 20").isEqualByComparingTo("15.00");
        assertThat(november.atPeriodEnd().amountDue()).as("the next installment and the fee")
                .isEqualByComparingTo(loan.schedule().get(14).payment().add(new BigDecimal("15.00")));
        assertThat(november.feesCharged()).isEqualByComparingTo("15.00");
        assertThat(november.lines()).as("the December 5 payment is on December's statement")
                .extracting(line -> line.entry().type()).containsExactly(EntryType.PAYMENT, EntryType.FEE);
        assertThat(november.finalStatement()).isFalse();
    }

    @Test
    void a_loan_paid_off_in_a_month_gets_its_final_statement_then_none() {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("3000.00", "9.9900", 24, "2025-06-01", DayCount.ACTUAL_365))
                .payOnSchedule(5);
        LedgerEntry payoff = loan.payOff(LocalDate.parse("2025-11-18"));

        StatementFigures november = month(loan, YearMonth.of(2025, 11));
        assertThat(november.finalStatement()).isTrue();
        assertThat(november.closingBalance()).isEqualByComparingTo("0.00");
        assertThat(november.atPeriodEnd().status()).isEqualTo(LoanStatus.PAID_OFF);
        assertThat(StatementWording.amountDue(november)).isEqualByComparingTo("0.00");
        assertThat(november.lines()).extracting(StatementLine::entry).contains(payoff);
        assertThat(StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2025, 12), null)).as("nothing after").isEmpty();
        assertThat(StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2026, 6), null)).isEmpty();
        assertThat(month(loan, YearMonth.of(2025, 10)).finalStatement()).isFalse();
    }

    @Test
    void a_loan_gets_its_first_statement_for_the_month_it_was_disbursed_and_none_before() {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("5200.00", "14.2500", 36, "2026-01-12", DayCount.ACTUAL_365));
        assertThat(StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2025, 12), null)).isEmpty();
        StatementFigures january = month(loan, YearMonth.of(2026, 1));
        assertThat(january.openingBalance()).isEqualByComparingTo("0.00");
        assertThat(january.closingBalance()).isEqualByComparingTo("5200.00");
        assertThat(january.lines()).singleElement().satisfies(line -> {
            assertThat(line.entry().type()).isEqualTo(EntryType.DISBURSEMENT);
            assertThat(line.balanceAfter()).isEqualByComparingTo("5200.00");
        });
        assertThat(january.atPeriodEnd().nextDueDate()).isEqualTo(LocalDate.parse("2026-02-12"));
        assertThat(january.interestPaid()).isEqualByComparingTo("0.00");
    }

    @Test
    void an_entry_posted_after_a_statement_but_dated_before_it_is_listed_on_the_next_one_so_the_balances_still_chain() {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("8000.00", "11.5000", 36, "2026-01-20", DayCount.ACTUAL_365))
                .payOnSchedule(10);
        Installment tenth = loan.schedule().get(9);
        assertThat(tenth.dueDate()).isEqualTo(LocalDate.parse("2026-11-20"));
        // November's statement is written on December 1, before the bank returns the November 20 payment.
        StatementFigures november = month(loan, YearMonth.of(2026, 11));
        LedgerEntry novemberPayment = november.lines().getLast().entry();
        LedgerEntry reversal = loan.reverse(novemberPayment);
        loan.fee(LocalDate.parse("2026-12-03"), "25.00");

        StatementFigures december = StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2026, 12),
                november.lastEntryId()).orElseThrow();
        assertThat(december.openingBalance()).as("what November's statement closed with")
                .isEqualByComparingTo(november.closingBalance());
        assertThat(december.lines().getFirst()).satisfies(line -> {
            assertThat(line.entry()).isEqualTo(reversal);
            assertThat(line.late()).isTrue();
            assertThat(line.balanceAfter()).isEqualByComparingTo(november.closingBalance().add(novemberPayment.principal()));
        });
        assertThat(december.closingBalance()).as("and the ledger's principal now")
                .isEqualByComparingTo(LoanEngine.figures(loan.terms(), loan.entries(), LocalDate.parse("2026-12-31")).principalBalance());
        assertThat(december.lastEntryId()).isEqualTo(loan.lastId());
        assertThat(december.interestPaid()).as("only what is dated in December counts for December").isEqualByComparingTo("0.00");
        assertThat(december.atPeriodEnd().pastDueAmount()).as("the returned installment is past due").isPositive();

        StatementFigures fromLedgerOnly = month(loan, YearMonth.of(2026, 12));
        assertThat(fromLedgerOnly.lines()).as("without a previous statement nothing earlier is listed").noneMatch(StatementLine::late);
        assertThat(fromLedgerOnly.openingBalance()).isEqualByComparingTo(december.openingBalance().add(novemberPayment.principal()));
    }
}
