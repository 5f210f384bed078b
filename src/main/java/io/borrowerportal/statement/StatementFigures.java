package io.borrowerportal.statement;

import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.ledger.LoanTerms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one monthly statement says, computed from a loan's terms and ledger alone (pure Java, no Spring).
 *
 * <p>Balances are principal balances. The opening balance is what the previous statement closed with; the lines
 * are the entries dated in the period, after any entry dated earlier but posted since the previous statement
 * (flagged late); each line's balance runs on from the opening one, so the closing balance is the opening
 * balance plus the lines, and equals the principal owed at the end of the period by the ledger as it stands.
 * With no previous statement, every entry dated before the period counts as already reported.
 *
 * <p>Paid this period counts the entries dated in the period that the borrower paid (payments, principal
 * payments and their reversals); interest paid year to date counts those dated from January 1 of the
 * period's year through its end, so it is the sum of the year's periods.
 *
 * @param lastEntryId      the highest ledger id this statement has seen; the next statement lists later ones
 * @param atPeriodEnd      the loan's figures at the end of the last day of the period: amount due, next due date
 * @param finalStatement   the loan was paid off by the end of the period: no statement follows
 */
public record StatementFigures(YearMonth period, BigDecimal openingBalance, BigDecimal closingBalance,
                               List<StatementLine> lines, BigDecimal principalPaid, BigDecimal interestPaid,
                               BigDecimal feesPaid, BigDecimal feesCharged, BigDecimal interestPaidYearToDate,
                               LoanFigures atPeriodEnd, boolean finalStatement, long lastEntryId) {

    public StatementFigures {
        Objects.requireNonNull(period, "period");
        lines = List.copyOf(lines);
    }

    public LocalDate periodStart() {
        return period.atDay(1);
    }

    public LocalDate periodEnd() {
        return period.atEndOfMonth();
    }

    /**
     * The statement of {@code period}, or empty when the loan gets none: not funded by the end of the period, or
     * paid off before it began (a loan paid off during the period gets its final statement).
     *
     * @param previousLastEntryId {@link #lastEntryId} of the loan's previous statement; null for its first
     */
    public static Optional<StatementFigures> of(LoanTerms terms, List<LedgerEntry> entries, YearMonth period,
                                                Long previousLastEntryId) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(period, "period");
        LocalDate start = period.atDay(1);
        LocalDate end = period.atEndOfMonth();
        LoanFigures atEnd = LoanEngine.figures(terms, entries, end);
        boolean funded = atEnd.status() == LoanStatus.PAID_OFF || atEnd.payoffAmount().signum() > 0;
        if (!funded || LoanEngine.figures(terms, entries, start.minusDays(1)).status() == LoanStatus.PAID_OFF) {
            return Optional.empty();
        }

        List<HistoryRow> history = LoanEngine.history(terms, entries);
        Map<Long, LedgerEntry> byId = new HashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        LocalDate yearStart = start.withDayOfYear(1);
        BigDecimal opening = Money.ZERO;
        BigDecimal principalPaid = Money.ZERO;
        BigDecimal interestPaid = Money.ZERO;
        BigDecimal feesPaid = Money.ZERO;
        BigDecimal feesCharged = Money.ZERO;
        BigDecimal interestYearToDate = Money.ZERO;
        List<Listed> late = new ArrayList<>();
        List<Listed> inPeriod = new ArrayList<>();
        long lastEntryId = previousLastEntryId == null ? 0 : previousLastEntryId;
        BigDecimal before = Money.ZERO;
        for (HistoryRow row : history) {
            LedgerEntry entry = row.entry();
            BigDecimal effect = row.principalBalanceAfter().subtract(before);
            before = row.principalBalanceAfter();
            lastEntryId = Math.max(lastEntryId, entry.id());
            LocalDate date = entry.effectiveDate();
            if (date.isAfter(end)) {
                continue;
            }
            boolean paid = paidByBorrower(entry, byId);
            if (paid && !date.isBefore(yearStart)) {
                interestYearToDate = interestYearToDate.add(entry.interest());
            }
            if (date.isBefore(start)) {
                if (previousLastEntryId == null || entry.id() <= previousLastEntryId) {
                    opening = opening.add(effect);
                } else {
                    late.add(new Listed(row, effect));
                }
                continue;
            }
            inPeriod.add(new Listed(row, effect));
            if (paid) {
                principalPaid = principalPaid.add(entry.principal());
                interestPaid = interestPaid.add(entry.interest());
                feesPaid = feesPaid.add(entry.fees());
            } else if (rule(entry, byId) == EntryType.FEE) {
                feesCharged = feesCharged.add(entry.fees());
            }
        }

        List<StatementLine> lines = new ArrayList<>(late.size() + inPeriod.size());
        BigDecimal balance = opening;
        for (Listed listed : late) {
            balance = balance.add(listed.effect());
            lines.add(new StatementLine(listed.row().entry(), balance, listed.row().reversed(), true));
        }
        for (Listed listed : inPeriod) {
            balance = balance.add(listed.effect());
            lines.add(new StatementLine(listed.row().entry(), balance, listed.row().reversed(), false));
        }
        return Optional.of(new StatementFigures(period, opening, balance, lines, principalPaid, interestPaid,
                feesPaid, feesCharged, interestYearToDate, atEnd, atEnd.status() == LoanStatus.PAID_OFF, lastEntryId));
    }

    private record Listed(HistoryRow row, BigDecimal effect) {
    }

    /** Money the borrower paid to the loan (a convenience fee is the lender's income, not the loan's). */
    private static boolean paidByBorrower(LedgerEntry entry, Map<Long, LedgerEntry> byId) {
        EntryType rule = rule(entry, byId);
        return rule == EntryType.PAYMENT || rule == EntryType.PRINCIPAL_PAYMENT;
    }

    /**
     * The type whose rule an entry follows: its own, or for a reversal its original's (a reversal carries the
     * original's parts negated, so a reversed payment takes back the interest it paid), as the engine replays it.
     * A reversal whose original is unknown is the undo of a payment, as in the engine.
     */
    private static EntryType rule(LedgerEntry entry, Map<Long, LedgerEntry> byId) {
        EntryType rule = entry.type();
        LedgerEntry current = entry;
        for (int hops = 0; rule == EntryType.REVERSAL && hops <= byId.size(); hops++) {
            LedgerEntry original = current.reversesId() == null ? null : byId.get(current.reversesId());
            rule = original == null ? EntryType.PAYMENT : original.type();
            current = original;
        }
        return rule;
    }
}
