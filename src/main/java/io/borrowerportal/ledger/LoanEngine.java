package io.borrowerportal.ledger;

import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Stateless loan math over terms and a ledger. See the package documentation. */
public final class LoanEngine {

    private static final BigDecimal TWELVE_HUNDRED = BigDecimal.valueOf(1200);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ZERO_PERCENT = new BigDecimal("0.0");
    private static final BigDecimal FULL_PERCENT = new BigDecimal("100.0");
    /** A forecast that would not amortize (payment below the interest) still has to end somewhere. */
    static final int MAX_FORECAST_ROWS = 600;

    private LoanEngine() {
    }

    /** Level payment A = P·r / (1 − (1+r)^−n), rounded half-up to the cent; r = annual rate / 12. */
    public static BigDecimal levelPayment(LoanTerms terms) {
        Objects.requireNonNull(terms, "terms");
        BigDecimal principal = terms.principal();
        int n = terms.numberOfPayments();
        if (terms.annualRatePercent().signum() == 0) {
            // Rounded up so the borrower is never short; the last installment absorbs the difference.
            return principal.divide(BigDecimal.valueOf(n), Money.SCALE, RoundingMode.UP);
        }
        BigDecimal r = terms.annualRatePercent().divide(TWELVE_HUNDRED, MathContext.DECIMAL128);
        BigDecimal growth = BigDecimal.ONE.add(r).pow(n, MathContext.DECIMAL128);
        // P·r·(1+r)^n / ((1+r)^n − 1) is the same formula without a negative power's extra division.
        BigDecimal payment = principal.multiply(r, MathContext.DECIMAL128)
                .multiply(growth, MathContext.DECIMAL128)
                .divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL128);
        return Money.round(payment);
    }

    /** The contract schedule; the last installment absorbs the rounding and ends at 0.00. */
    public static List<Installment> schedule(LoanTerms terms) {
        Objects.requireNonNull(terms, "terms");
        return schedule(terms, levelPayment(terms));
    }

    private static List<Installment> schedule(LoanTerms terms, BigDecimal level) {
        BigDecimal denominator = DayCounts.denominator(terms.dayCount());
        int n = terms.numberOfPayments();
        List<Installment> rows = new ArrayList<>(n);
        BigDecimal balance = terms.principal();
        LocalDate previous = terms.startDate();
        for (int k = 1; k <= n; k++) {
            LocalDate due = DayCounts.dueDate(terms, k);
            int days = DayCounts.days(terms.dayCount(), previous, due);
            BigDecimal interest = DayCounts.toCents(
                    DayCounts.units(balance, terms.annualRatePercent(), days), denominator);
            BigDecimal principal = level.subtract(interest);
            boolean last = k == n || principal.compareTo(balance) >= 0;
            if (last) {
                principal = balance;
            }
            balance = balance.subtract(principal);
            rows.add(new Installment(k, due, principal.add(interest), principal, interest, Money.ZERO, balance));
            if (last) {
                break;
            }
            previous = due;
        }
        return List.copyOf(rows);
    }

    /**
     * Every derived figure as of a business date. Entries may come in any order; those effective after
     * {@code asOf} are ignored.
     *
     * <p>Installments are covered in order by the interest and principal paid so far (fees excluded), so
     * paying ahead moves the next due date and a short payment leaves the oldest installment past due.
     * Once the contract's last due date has passed with money still owed, the whole payoff is past due.
     * A ledger with no disbursement is an unfunded loan: zero balances, CURRENT, never an exception.
     */
    public static LoanFigures figures(LoanTerms terms, List<LedgerEntry> entries, LocalDate asOf) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(asOf, "asOf");
        BigDecimal level = levelPayment(terms);
        List<Installment> schedule = schedule(terms, level);
        Position position = Position.of(terms, level, schedule, entries, asOf);
        Replay state = position.state;

        LoanStatus status = position.paidOff ? LoanStatus.PAID_OFF
                : position.daysPastDue > 0 ? LoanStatus.PAST_DUE : LoanStatus.CURRENT;
        BigDecimal payoff = state.payoff();
        BigDecimal amountDue = position.owing
                ? Money.min(payoff, position.pastDue.add(position.nextPaymentAmount)) : Money.ZERO;
        BigDecimal perDiem = DayCounts.toCents(DayCounts.units(state.principal, terms.annualRatePercent(), 1),
                DayCounts.denominator(terms.dayCount()));

        List<Installment> forecast = position.forecast();
        LocalDate projectedPayoff;
        if (!forecast.isEmpty()) {
            projectedPayoff = forecast.getLast().dueDate();
        } else if (position.paidOff) {
            projectedPayoff = state.lastPayment != null ? state.lastPayment.effectiveDate() : state.lastEntryDate;
        } else {
            projectedPayoff = null;
        }

        LedgerEntry lastPayment = state.lastPayment;
        return new LoanFigures(asOf, status, terms.principal(), terms.annualRatePercent(), level,
                state.principal, state.accruedInterest(), state.feesDue, payoff, perDiem,
                position.pastDue, amountDue, position.nextDueDate, position.nextPaymentAmount,
                position.daysPastDue, state.paymentsMade, forecast.size(), schedule.getLast().dueDate(),
                projectedPayoff,
                lastPayment == null ? null : lastPayment.effectiveDate(),
                lastPayment == null ? null : lastPayment.amount(),
                principalPaidPercent(terms.principal(), state));
    }

    private static BigDecimal principalPaidPercent(BigDecimal original, Replay state) {
        if (!state.funded) {
            return ZERO_PERCENT;
        }
        BigDecimal percent = original.subtract(state.principal).multiply(HUNDRED)
                .divide(original, 1, RoundingMode.HALF_UP);
        return percent.max(ZERO_PERCENT).min(FULL_PERCENT);
    }

    /** How a payment of {@code amount} applied on {@code applyDate} splits. Refuses more than the payoff. */
    /** Principal + interest accrued to {@code asOf} + fees due: what pays the loan off on that date. */
    public static BigDecimal payoff(LoanTerms terms, List<LedgerEntry> entries, LocalDate asOf) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(asOf, "asOf");
        Replay state = Replay.of(terms, Replay.sorted(entries), asOf);
        state.accrueTo(asOf);
        return state.payoff();
    }

    public static Allocation allocate(LoanTerms terms, List<LedgerEntry> entries, LocalDate applyDate,
                                      BigDecimal amount, PaymentKind kind) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(applyDate, "applyDate");
        Objects.requireNonNull(kind, "kind");
        BigDecimal payment = paymentAmount(amount);
        Replay state = Replay.of(terms, Replay.sorted(entries), applyDate);
        state.accrueTo(applyDate);
        BigDecimal payoff = state.payoff();
        if (payment.compareTo(payoff) > 0) {
            throw new IllegalArgumentException("Payment of " + payment.toPlainString()
                    + " is more than the payoff amount of " + payoff.toPlainString());
        }
        if (kind == PaymentKind.PRINCIPAL_ONLY) {
            if (payment.compareTo(state.principal) > 0) {
                throw new IllegalArgumentException("Principal-only payment of " + payment.toPlainString()
                        + " is more than the principal balance of " + state.principal.toPlainString());
            }
            return new Allocation(Money.ZERO, Money.ZERO, payment);
        }
        BigDecimal fees = Money.min(payment, Money.max(state.feesDue, Money.ZERO));
        BigDecimal rest = payment.subtract(fees);
        BigDecimal interest = Money.min(rest, Money.max(state.accruedInterest(), Money.ZERO));
        return new Allocation(fees, interest, rest.subtract(interest));
    }

    private static BigDecimal paymentAmount(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("A payment amount is required");
        }
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw new IllegalArgumentException(
                    "A payment amount cannot have more than two decimals: " + amount.toPlainString());
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A payment amount must be positive: " + amount.toPlainString());
        }
        return amount.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }

    /**
     * Future payments from the current balance, as of a business date; the last row ends at 0.00.
     *
     * <p>Rows fall on the contract's due dates from the next unpaid one (continuing monthly past maturity
     * while money is owed), each paying the level payment with interest by the loan's day count. The first
     * row pays the amount due (past-due installments, fees due and the next installment) when that is more
     * than the level payment, so a borrower who is behind sees the loan brought current and then paid on
     * schedule, never a row whose interest swallows the payment. Its fees part pays the fees due. Row numbers are
     * contract installment numbers, so rows past maturity number beyond the contract. A paid-off or
     * unfunded loan has no rows.
     */
    public static List<Installment> forecast(LoanTerms terms, List<LedgerEntry> entries, LocalDate asOf) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(asOf, "asOf");
        BigDecimal level = levelPayment(terms);
        return Position.of(terms, level, schedule(terms, level), entries, asOf).forecast();
    }

    /** The ledger in posting order (effective date, then id) with the principal balance after each entry. */
    public static List<HistoryRow> history(LoanTerms terms, List<LedgerEntry> entries) {
        Objects.requireNonNull(terms, "terms");
        List<LedgerEntry> sorted = Replay.sorted(entries);
        Map<Long, LedgerEntry> byId = new HashMap<>();
        Set<Long> reversed = new HashSet<>();
        for (LedgerEntry entry : sorted) {
            byId.put(entry.id(), entry);
            if (entry.type() == EntryType.REVERSAL && entry.reversesId() != null) {
                reversed.add(entry.reversesId());
            }
        }
        List<HistoryRow> rows = new ArrayList<>(sorted.size());
        BigDecimal principal = Money.ZERO;
        for (LedgerEntry entry : sorted) {
            principal = principal.add(principalEffect(entry, byId));
            rows.add(new HistoryRow(entry, principal, reversed.contains(entry.id())));
        }
        return List.copyOf(rows);
    }

    /**
     * A reversal carries its original's parts negated, so applying those parts under the original's rule
     * undoes it whatever the original was (a reversed disbursement lowers the balance, a reversed payment
     * raises it). A reversal whose original is unknown is taken as the undo of a payment.
     */
    private static BigDecimal principalEffect(LedgerEntry entry, Map<Long, LedgerEntry> byId) {
        BigDecimal p = Replay.part(entry.principal());
        EntryType rule = entry.type();
        LedgerEntry current = entry;
        for (int hops = 0; rule == EntryType.REVERSAL && hops <= byId.size(); hops++) {
            LedgerEntry original = current.reversesId() == null ? null : byId.get(current.reversesId());
            rule = original == null ? EntryType.PAYMENT : original.type();
            current = original;
        }
        return switch (rule) {
            case DISBURSEMENT, ADJUSTMENT -> p;
            case PAYMENT, PRINCIPAL_PAYMENT, REVERSAL -> p.negate();
            case FEE, CONVENIENCE_FEE -> BigDecimal.ZERO;
        };
    }

    /**
     * The replayed ledger at a date set against the contract schedule: which installments the payments
     * cover, what is past due and what comes next. Built once per call so figures() and forecast() share
     * one replay and one schedule.
     */
    private static final class Position {
        final LoanTerms terms;
        final BigDecimal level;
        final Replay state;
        /** Accrual state before accruing to asOf, so the forecast's first period is one unsplit span. */
        final BigDecimal unitsAtLastEntry;
        final LocalDate accruedThroughAtLastEntry;
        final boolean paidOff;
        final boolean owing;
        BigDecimal pastDue = Money.ZERO;
        LocalDate nextDueDate;
        int nextNumber;
        BigDecimal nextPaymentAmount = Money.ZERO;
        int daysPastDue;
        final int forecastStart;

        private Position(LoanTerms terms, BigDecimal level, List<Installment> schedule, Replay state,
                         LocalDate asOf) {
            this.terms = terms;
            this.level = level;
            this.state = state;
            this.unitsAtLastEntry = state.accruedUnits;
            this.accruedThroughAtLastEntry = state.accruedThrough;
            state.accrueTo(asOf);
            this.paidOff = state.paidOff();
            this.owing = state.funded && !paidOff;
            if (owing) {
                cover(schedule, asOf);
            }
            this.forecastStart = nextDueDate != null ? nextNumber : DayCounts.firstInstallmentOnOrAfter(terms, asOf);
        }

        static Position of(LoanTerms terms, BigDecimal level, List<Installment> schedule,
                           List<LedgerEntry> entries, LocalDate asOf) {
            return new Position(terms, level, schedule, Replay.of(terms, Replay.sorted(entries), asOf), asOf);
        }

        /**
         * Paid-ahead model: money paid to interest and principal covers installments in order, so an early
         * extra payment moves the next due date and a short one leaves the oldest installment unpaid.
         */
        private void cover(List<Installment> schedule, LocalDate asOf) {
            BigDecimal paid = state.paidToInstallments;
            BigDecimal cumulative = Money.ZERO;
            BigDecimal cumulativePastDue = Money.ZERO;
            Installment firstUnpaid = null;
            Installment next = null;
            for (Installment installment : schedule) {
                cumulative = cumulative.add(installment.payment());
                boolean unpaid = cumulative.compareTo(paid) > 0;
                if (installment.dueDate().isBefore(asOf)) {
                    cumulativePastDue = cumulative;
                    if (unpaid && firstUnpaid == null) {
                        firstUnpaid = installment;
                    }
                } else if (unpaid) {
                    next = installment;
                    nextPaymentAmount = Money.min(installment.payment(), cumulative.subtract(paid));
                    break;
                }
            }
            BigDecimal payoff = state.payoff();
            pastDue = Money.max(Money.ZERO, cumulativePastDue.subtract(paid)).add(state.feesDue);
            LocalDate maturity = schedule.getLast().dueDate();
            if (next != null) {
                nextDueDate = next.dueDate();
                nextNumber = next.number();
            } else if (maturity.isBefore(asOf)) {
                // Behind at maturity: the installments have run out, so everything still owed is overdue.
                pastDue = payoff;
            } else {
                // Every installment is covered yet money is still owed (late interest): it falls due at maturity.
                nextDueDate = maturity;
                nextNumber = schedule.getLast().number();
                nextPaymentAmount = Money.max(Money.ZERO, payoff.subtract(pastDue));
            }
            pastDue = Money.min(pastDue, payoff);
            LocalDate oldestUnpaid = firstUnpaid != null ? firstUnpaid.dueDate()
                    : next == null && maturity.isBefore(asOf) ? maturity : null;
            daysPastDue = oldestUnpaid == null ? 0 : (int) ChronoUnit.DAYS.between(oldestUnpaid, asOf);
        }

        List<Installment> forecast() {
            if (!owing) {
                return List.of();
            }
            BigDecimal denominator = DayCounts.denominator(terms.dayCount());
            BigDecimal balance = state.principal;
            BigDecimal units = unitsAtLastEntry;
            LocalDate previous = accruedThroughAtLastEntry;
            List<Installment> rows = new ArrayList<>();
            for (int row = 0; row < MAX_FORECAST_ROWS; row++) {
                int number = forecastStart + row;
                LocalDate due = DayCounts.dueDate(terms, number);
                int days = DayCounts.days(terms.dayCount(), previous, due);
                units = units.add(DayCounts.units(balance, terms.annualRatePercent(), days));
                BigDecimal interest = DayCounts.toCents(units, denominator);
                units = BigDecimal.ZERO;
                BigDecimal fees = row == 0 ? state.feesDue : Money.ZERO;
                BigDecimal scheduled = row == 0 ? Money.max(level, pastDue.add(nextPaymentAmount)) : level;
                BigDecimal principal = scheduled.subtract(fees).subtract(interest);
                // The contract's last installment absorbs the rounding, as the schedule's does: a level payment
                // rounded to the cent would otherwise leave cents for a payment after the maturity date.
                boolean last = principal.compareTo(balance) >= 0 || number >= terms.numberOfPayments()
                        || row == MAX_FORECAST_ROWS - 1;
                if (last) {
                    principal = balance;
                }
                BigDecimal payment = principal.add(interest).add(fees);
                balance = balance.subtract(principal);
                rows.add(new Installment(number, due, payment, principal, interest, fees, balance));
                if (last) {
                    break;
                }
                previous = due;
            }
            return List.copyOf(rows);
        }
    }
}
