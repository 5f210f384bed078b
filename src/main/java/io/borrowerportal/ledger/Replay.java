package io.borrowerportal.ledger;

import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loan's state after replaying its ledger in posting order (effective date, then id).
 *
 * <p>A reversal whose original is in the replayed ledger cancels the pair: neither is applied. That is
 * the documented meaning ("the loan is recomputed as if the original never happened") made exact. Adding
 * back the negated parts instead would leave two traces of the original: the sub-cent interest residue
 * its posting discarded, and a 30/360 accrual split at its date (30/360 is not additive across a 31st).
 * A reversal whose original is missing is applied as the undo of a payment.
 */
final class Replay {

    static final Comparator<LedgerEntry> POSTING_ORDER =
            Comparator.comparing(LedgerEntry::effectiveDate).thenComparingLong(LedgerEntry::id);

    private final LoanTerms terms;
    private final BigDecimal denominator;

    BigDecimal principal = Money.ZERO;
    /** Accrued unpaid interest in exact units (see {@link DayCounts}); never rounded until posted. */
    BigDecimal accruedUnits = BigDecimal.ZERO;
    BigDecimal feesDue = Money.ZERO;
    LocalDate accruedThrough;
    boolean funded;
    /** Interest + principal received, the money that covers scheduled installments. */
    BigDecimal paidToInstallments = Money.ZERO;
    int paymentsMade;
    LedgerEntry lastPayment;
    LocalDate lastEntryDate;

    private Replay(LoanTerms terms) {
        this.terms = terms;
        this.denominator = DayCounts.denominator(terms.dayCount());
    }

    static List<LedgerEntry> sorted(List<LedgerEntry> entries) {
        List<LedgerEntry> copy = new ArrayList<>(entries == null ? List.of() : entries);
        copy.sort(POSTING_ORDER);
        return copy;
    }

    /**
     * Replays the sorted entries effective on or before {@code through} (all when null). Interest is
     * accrued up to the last replayed entry only; callers accrue further with {@link #accrueTo}.
     */
    static Replay of(LoanTerms terms, List<LedgerEntry> sortedEntries, LocalDate through) {
        List<LedgerEntry> included = sortedEntries;
        if (through != null) {
            int end = 0;
            while (end < sortedEntries.size() && !sortedEntries.get(end).effectiveDate().isAfter(through)) {
                end++;
            }
            included = sortedEntries.subList(0, end);
        }
        Set<Long> cancelled = cancelledIds(included);
        Replay state = new Replay(terms);
        for (LedgerEntry entry : included) {
            if (!cancelled.contains(entry.id())) {
                state.accrueTo(entry.effectiveDate());
                state.apply(entry);
            }
        }
        return state;
    }

    /**
     * Ids of entries that take no part in the replay. Walking reversals newest first lets a reversal of a
     * reversal restore the original: the newer one cancels the older reversal before it can cancel anything.
     */
    static Set<Long> cancelledIds(List<LedgerEntry> entries) {
        Map<Long, LedgerEntry> byId = new HashMap<>();
        List<LedgerEntry> reversals = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            byId.put(entry.id(), entry);
            if (entry.type() == EntryType.REVERSAL && entry.reversesId() != null) {
                reversals.add(entry);
            }
        }
        if (reversals.isEmpty()) {
            return Set.of();
        }
        reversals.sort(Comparator.comparingLong(LedgerEntry::id).reversed());
        Set<Long> cancelled = new HashSet<>();
        for (LedgerEntry reversal : reversals) {
            if (!cancelled.contains(reversal.id()) && byId.containsKey(reversal.reversesId())) {
                cancelled.add(reversal.id());
                cancelled.add(reversal.reversesId());
            }
        }
        return cancelled;
    }

    void accrueTo(LocalDate date) {
        if (accruedThrough == null) {
            accruedThrough = terms.startDate().isBefore(date) ? terms.startDate() : date;
        }
        if (date.isAfter(accruedThrough)) {
            int days = DayCounts.days(terms.dayCount(), accruedThrough, date);
            accruedUnits = accruedUnits.add(DayCounts.units(principal, terms.annualRatePercent(), days));
            accruedThrough = date;
        }
    }

    private void apply(LedgerEntry entry) {
        BigDecimal p = part(entry.principal());
        BigDecimal i = part(entry.interest());
        BigDecimal f = part(entry.fees());
        switch (entry.type()) {
            case DISBURSEMENT -> {
                principal = principal.add(p);
                funded = true;
            }
            case PAYMENT -> {
                // Posting the interest settles it in cents: the sub-cent residue is not carried forward.
                accruedUnits = accruedInterest().subtract(i).multiply(denominator);
                principal = principal.subtract(p);
                feesDue = feesDue.subtract(f);
                paidToInstallments = paidToInstallments.add(p).add(i);
                paymentsMade++;
                lastPayment = entry;
            }
            case PRINCIPAL_PAYMENT -> {
                principal = principal.subtract(p);
                lastPayment = entry;
            }
            case FEE -> feesDue = feesDue.add(f);
            case REVERSAL -> {
                principal = principal.subtract(p);
                accruedUnits = accruedUnits.subtract(i.multiply(denominator));
                feesDue = feesDue.subtract(f);
                paidToInstallments = paidToInstallments.add(p).add(i);
            }
            case ADJUSTMENT -> {
                principal = principal.add(p);
                accruedUnits = accruedUnits.add(i.multiply(denominator));
                feesDue = feesDue.add(f);
            }
            case CONVENIENCE_FEE -> {
                // Recorded beside the loan, never applied to it.
            }
        }
        lastEntryDate = entry.effectiveDate();
    }

    BigDecimal accruedInterest() {
        return DayCounts.toCents(accruedUnits, denominator);
    }

    BigDecimal payoff() {
        return principal.add(accruedInterest()).add(feesDue);
    }

    boolean paidOff() {
        return funded && principal.signum() <= 0 && accruedInterest().signum() <= 0 && feesDue.signum() <= 0;
    }

    static BigDecimal part(BigDecimal value) {
        return value == null ? Money.ZERO : value;
    }
}
