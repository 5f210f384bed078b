package io.borrowerportal.ledger;

import java.math.BigDecimal;

/**
 * A ledger entry with the principal balance right after it, for the transaction history.
 *
 * @param reversed true for an entry that a later REVERSAL undid
 */
public record HistoryRow(LedgerEntry entry, BigDecimal principalBalanceAfter, boolean reversed) {
}
