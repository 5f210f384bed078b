package io.borrowerportal.ledger;

import io.borrowerportal.common.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over 500 random loans with random payment histories. Hand-rolled with a fixed seed so a
 * failure names a loan that can be replayed; the scenario description says which.
 */
class LoanPropertiesTest {

    private static final long SEED = 20_260_101L;
    private static final int LOANS = 500;
    private static final List<Scenario> SCENARIOS = generate();

    /** One random loan, its ledger (payments split by allocate) and the reversal pairs in it. */
    record Scenario(int index, LoanTerms terms, List<LedgerEntry> entries, List<LedgerEntry[]> reversalPairs,
                    LocalDate asOf) {
        @Override
        public String toString() {
            return "loan #" + index + " " + terms + " as of " + asOf;
        }
    }

    @Test
    void schedule_principal_sums_to_the_original_principal_and_balances_never_go_negative() {
        for (Scenario scenario : SCENARIOS) {
            List<Installment> schedule = LoanEngine.schedule(scenario.terms());
            assertThat(sum(schedule, Installment::principal)).as("%s", scenario).isEqualTo(scenario.terms().principal());
            assertThat(schedule).as("%s", scenario).allSatisfy(row -> {
                assertThat(row.balanceAfter().signum()).isNotNegative();
                assertThat(row.payment()).isEqualTo(row.principal().add(row.interest()));
            });
            assertThat(schedule.getLast().balanceAfter()).as("%s", scenario).isEqualTo(Money.ZERO);
            assertThat(schedule.size()).as("%s", scenario).isLessThanOrEqualTo(scenario.terms().numberOfPayments());
        }
    }

    @Test
    void allocation_parts_are_never_negative_and_always_sum_to_the_amount() {
        Random random = new Random(SEED + 1);
        for (Scenario scenario : SCENARIOS) {
            for (LedgerEntry entry : scenario.entries()) {
                if (entry.type() == EntryType.PAYMENT || entry.type() == EntryType.PRINCIPAL_PAYMENT) {
                    assertThat(entry.principal().add(entry.interest()).add(entry.fees()))
                            .as("%s entry %d", scenario, entry.id()).isEqualTo(entry.amount());
                    assertThat(List.of(entry.principal(), entry.interest(), entry.fees()))
                            .as("%s entry %d", scenario, entry.id()).allSatisfy(p -> assertThat(p.signum()).isNotNegative());
                }
            }
            LoanFigures figures = LoanEngine.figures(scenario.terms(), scenario.entries(), scenario.asOf());
            if (figures.payoffAmount().signum() > 0) {
                BigDecimal amount = randomCents(random, figures.payoffAmount());
                Allocation split = LoanEngine.allocate(scenario.terms(), scenario.entries(), scenario.asOf(), amount,
                        PaymentKind.REGULAR);
                assertThat(split.total()).as("%s", scenario).isEqualTo(amount);
                assertThat(split.fees()).isLessThanOrEqualTo(figures.feesDue().max(Money.ZERO));
                assertThat(split.interest()).isLessThanOrEqualTo(figures.accruedInterest().max(Money.ZERO));
            }
        }
    }

    @Test
    void history_balances_never_go_negative_and_end_at_the_figures_balance() {
        for (Scenario scenario : SCENARIOS) {
            List<HistoryRow> history = LoanEngine.history(scenario.terms(), scenario.entries());
            assertThat(history).as("%s", scenario)
                    .allSatisfy(row -> assertThat(row.principalBalanceAfter().signum()).isNotNegative());
            LoanFigures figures = LoanEngine.figures(scenario.terms(), scenario.entries(), scenario.asOf());
            assertThat(history.getLast().principalBalanceAfter()).as("%s", scenario).isEqualTo(figures.principalBalance());
            long reversedRows = history.stream().filter(HistoryRow::reversed).count();
            assertThat(reversedRows).as("%s", scenario).isEqualTo(scenario.reversalPairs().size());
        }
    }

    @Test
    void the_forecast_repays_exactly_the_current_principal_and_ends_at_zero() {
        for (Scenario scenario : SCENARIOS) {
            LoanFigures figures = LoanEngine.figures(scenario.terms(), scenario.entries(), scenario.asOf());
            List<Installment> forecast = LoanEngine.forecast(scenario.terms(), scenario.entries(), scenario.asOf());

            assertThat(forecast).as("%s", scenario).hasSize(figures.paymentsRemaining());
            if (figures.status() == LoanStatus.PAID_OFF) {
                assertThat(forecast).as("%s", scenario).isEmpty();
                assertThat(figures.amountDue()).isEqualTo(Money.ZERO);
                continue;
            }
            assertThat(forecast).as("%s", scenario).isNotEmpty();
            assertThat(forecast.getLast().balanceAfter()).as("%s", scenario).isEqualTo(Money.ZERO);
            assertThat(sum(forecast, Installment::principal)).as("%s", scenario).isEqualTo(figures.principalBalance());
            assertThat(forecast).as("%s", scenario)
                    .allSatisfy(row -> assertThat(row.balanceAfter().signum()).isNotNegative());
            assertThat(forecast.getFirst().dueDate()).as("%s", scenario).isAfterOrEqualTo(scenario.asOf());
            assertThat(forecast).as("%s", scenario).allSatisfy(row -> assertThat(row.payment())
                    .isEqualTo(row.principal().add(row.interest()).add(row.fees())));
            assertThat(sum(forecast, Installment::fees)).as("%s", scenario).isEqualTo(figures.feesDue());
            // The first payment brings a loan that is behind current, so it is never below the amount due.
            assertThat(forecast.getFirst().payment()).as("%s", scenario).isGreaterThanOrEqualTo(figures.amountDue());
            assertThat(figures.projectedPayoffDate()).isEqualTo(forecast.getLast().dueDate());
        }
    }

    @Test
    void payoff_is_the_sum_of_its_parts_and_amount_due_never_exceeds_it() {
        for (Scenario scenario : SCENARIOS) {
            LoanFigures f = LoanEngine.figures(scenario.terms(), scenario.entries(), scenario.asOf());
            assertThat(f.payoffAmount()).as("%s", scenario)
                    .isEqualTo(f.principalBalance().add(f.accruedInterest()).add(f.feesDue()));
            assertThat(f.amountDue()).as("%s", scenario).isLessThanOrEqualTo(f.payoffAmount());
            assertThat(f.pastDueAmount()).as("%s", scenario).isLessThanOrEqualTo(f.amountDue());
            assertThat(f.status() == LoanStatus.PAST_DUE).as("%s", scenario).isEqualTo(f.daysPastDue() > 0);
        }
    }

    @Test
    void each_reversal_pair_nets_to_zero_and_the_figures_equal_those_without_the_pair() {
        int pairs = 0;
        for (Scenario scenario : SCENARIOS) {
            for (LedgerEntry[] pair : scenario.reversalPairs()) {
                pairs++;
                LedgerEntry original = pair[0];
                LedgerEntry reversal = pair[1];
                assertThat(original.amount().add(reversal.amount()).signum()).as("%s", scenario).isZero();
                assertThat(original.principal().add(reversal.principal()).signum()).isZero();
                assertThat(original.interest().add(reversal.interest()).signum()).isZero();
                assertThat(original.fees().add(reversal.fees()).signum()).isZero();
                assertThat(reversal.effectiveDate()).isEqualTo(original.effectiveDate());

                List<LedgerEntry> without = new ArrayList<>(scenario.entries());
                without.remove(original);
                without.remove(reversal);
                for (LocalDate asOf : List.of(original.effectiveDate(), scenario.asOf())) {
                    assertThat(LoanEngine.figures(scenario.terms(), scenario.entries(), asOf)).as("%s", scenario)
                            .isEqualTo(LoanEngine.figures(scenario.terms(), without, asOf));
                }
                assertThat(LoanEngine.forecast(scenario.terms(), scenario.entries(), scenario.asOf()))
                        .isEqualTo(LoanEngine.forecast(scenario.terms(), without, scenario.asOf()));
            }
        }
        assertThat(pairs).as("reversal pairs generated").isGreaterThan(100);
    }

    @Test
    void the_generated_histories_cover_every_kind_of_borrower() {
        long paidOff = 0;
        long pastDue = 0;
        long current = 0;
        for (Scenario scenario : SCENARIOS) {
            switch (LoanEngine.figures(scenario.terms(), scenario.entries(), scenario.asOf()).status()) {
                case PAID_OFF -> paidOff++;
                case PAST_DUE -> pastDue++;
                case CURRENT -> current++;
            }
        }
        assertThat(paidOff).isGreaterThan(20);
        assertThat(pastDue).isGreaterThan(20);
        assertThat(current).isGreaterThan(20);
    }

    private static List<Scenario> generate() {
        Random random = new Random(SEED);
        List<Scenario> scenarios = new ArrayList<>(LOANS);
        for (int index = 0; index < LOANS; index++) {
            scenarios.add(generate(index, random));
        }
        return List.copyOf(scenarios);
    }

    private static Scenario generate(int index, Random random) {
        BigDecimal principal = BigDecimal.valueOf(50_000 + random.nextInt(9_950_001), 2);
        BigDecimal rate = random.nextInt(10) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(360_001), 4);
        int n = 1 + random.nextInt(360);
        DayCount dayCount = random.nextBoolean() ? DayCount.THIRTY_360 : DayCount.ACTUAL_365;
        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1100));
        LocalDate firstDue = start.plusDays(15 + random.nextInt(31));
        LoanTerms terms = new LoanTerms(principal, rate, n, start, firstDue, PaymentFrequency.MONTHLY, dayCount);

        List<LedgerEntry> entries = new ArrayList<>();
        List<LedgerEntry[]> pairs = new ArrayList<>();
        long[] nextId = {1};
        entries.add(Loans.disbursement(nextId[0]++, start, principal));
        List<Installment> schedule = LoanEngine.schedule(terms);
        BigDecimal level = LoanEngine.levelPayment(terms);
        int months = Math.min(schedule.size(), random.nextInt(61));
        LocalDate last = start;
        for (int k = 0; k < months; k++) {
            LocalDate due = schedule.get(k).dueDate();
            last = due;
            LedgerEntry payment = switch (random.nextInt(10)) {
                case 0, 1, 2, 3, 4 -> pay(terms, entries, nextId, due, level, PaymentKind.REGULAR);
                case 5 -> {
                    LocalDate late = due.plusDays(1 + random.nextInt(25));
                    if (late.isAfter(due.plusDays(15))) {
                        entries.add(Loans.fee(nextId[0]++, due.plusDays(15), new BigDecimal("15.00")));
                    }
                    last = late;
                    yield pay(terms, entries, nextId, late, level, PaymentKind.REGULAR);
                }
                case 6 -> pay(terms, entries, nextId, due, level.add(randomCents(random, level.add(level))),
                        PaymentKind.REGULAR);
                case 7 -> {
                    pay(terms, entries, nextId, due, level, PaymentKind.REGULAR);
                    last = due.plusDays(3);
                    yield pay(terms, entries, nextId, last, randomCents(random, principal.divide(BigDecimal.TEN)),
                            PaymentKind.PRINCIPAL_ONLY);
                }
                case 8 -> pay(terms, entries, nextId, due, level.divide(BigDecimal.TWO, 2, java.math.RoundingMode.DOWN),
                        PaymentKind.REGULAR);
                default -> null; // skipped
            };
            if (payment != null && random.nextInt(8) == 0) {
                LedgerEntry reversal = Loans.reversalOf(payment, nextId[0]++);
                entries.add(reversal);
                pairs.add(new LedgerEntry[] {payment, reversal});
            }
        }
        if (random.nextInt(6) == 0) {
            last = last.plusDays(5);
            pay(terms, entries, nextId, last, payoff(terms, entries, last), PaymentKind.REGULAR);
        }
        return new Scenario(index, terms, List.copyOf(entries), List.copyOf(pairs), last.plusDays(random.nextInt(91)));
    }

    /** Posts a payment split by allocate, trimmed to what is owed so the history stays realistic. */
    private static LedgerEntry pay(LoanTerms terms, List<LedgerEntry> entries, long[] nextId, LocalDate date,
                                   BigDecimal amount, PaymentKind kind) {
        Replay state = Replay.of(terms, Replay.sorted(entries), date);
        state.accrueTo(date);
        BigDecimal cap = kind == PaymentKind.PRINCIPAL_ONLY ? state.principal : state.payoff();
        BigDecimal trimmed = Money.min(amount, cap);
        if (trimmed.signum() <= 0) {
            return null;
        }
        LedgerEntry entry = Loans.payment(terms, entries, nextId[0]++, date, trimmed, kind);
        entries.add(entry);
        return entry;
    }

    private static BigDecimal payoff(LoanTerms terms, List<LedgerEntry> entries, LocalDate date) {
        Replay state = Replay.of(terms, Replay.sorted(entries), date);
        state.accrueTo(date);
        return state.payoff();
    }

    /** A random amount from 0.01 up to {@code max}. */
    private static BigDecimal randomCents(Random random, BigDecimal max) {
        long cents = max.setScale(2, java.math.RoundingMode.DOWN).movePointRight(2).longValueExact();
        return BigDecimal.valueOf(1 + random.nextLong(Math.max(1, cents)), 2);
    }

    private static BigDecimal sum(List<Installment> rows, java.util.function.Function<Installment, BigDecimal> column) {
        return rows.stream().map(column).reduce(Money.ZERO, BigDecimal::add);
    }
}
