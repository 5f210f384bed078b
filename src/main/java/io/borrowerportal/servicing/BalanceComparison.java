package io.borrowerportal.servicing;

import io.borrowerportal.account.AccountLedger;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule of reconciliation (decision 032): the servicer's balance is the loan's principal balance, compared
 * with the portal's principal balance replayed by the loan engine as of the servicer's date, not today's; a
 * difference of more than one cent either way lists the loan.
 */
final class BalanceComparison {

    /** Differences up to this much either way are rounding, not a difference. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final int MAX_ENTRY_TEXT = 200;

    private BalanceComparison() {
    }

    /** The portal's principal balance of the loan at the end of {@code asOf}. */
    static BigDecimal portalBalance(AccountLedger ledger, LocalDate asOf) {
        return LoanEngine.figures(ledger.terms(), ledger.entries(), asOf).principalBalance();
    }

    /** Servicer minus portal; the loan differs when its absolute value is above {@link #TOLERANCE}. */
    static boolean differs(BigDecimal servicer, BigDecimal portal) {
        return servicer.subtract(portal).abs().compareTo(TOLERANCE) > 0;
    }

    /** The portal's last entry: the one posted last (highest id), whatever its effective date. */
    static Optional<LedgerEntry> lastPosted(AccountLedger ledger) {
        return ledger.entries().stream().max(Comparator.comparingLong(LedgerEntry::id));
    }

    /** An entry in one line for staff: "Payment of $412.50 on 2026-11-15 (#812)". */
    static String describe(LedgerEntry entry) {
        String type = entry.type().name().charAt(0) + entry.type().name().substring(1).toLowerCase(Locale.ROOT)
                .replace('_', ' ');
        String text = type + " of " + Money.format(entry.amount()) + " on " + entry.effectiveDate() + " (#" + entry.id() + ")";
        return text.length() > MAX_ENTRY_TEXT ? text.substring(0, MAX_ENTRY_TEXT) : text;
    }
}
