package io.borrowerportal.statement;

import io.borrowerportal.ledger.LedgerEntry;

import java.math.BigDecimal;

/**
 * One transaction on a statement, with the principal balance after it in the statement's own order.
 *
 * @param reversed true for an entry a later reversal undid (both are listed, so the statement adds up)
 * @param late     true for an entry dated before the period that was posted after the previous statement was
 *                 written (a returned payment's reversal carries the payment's date), so it is listed here
 */
public record StatementLine(LedgerEntry entry, BigDecimal balanceAfter, boolean reversed, boolean late) {
}
