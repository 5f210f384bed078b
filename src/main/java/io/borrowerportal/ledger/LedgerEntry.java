package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One posted ledger entry as the engine sees it. Sign convention: {@code amount = principal + interest
 * + fees}; a PAYMENT has positive parts (money received), a DISBURSEMENT positive principal, a FEE
 * positive fees, a REVERSAL the exact negation of its original's parts with {@code reversesId} set and
 * the original's effective date (so the loan is recomputed as if the original never happened), and an
 * ADJUSTMENT any signed parts (positive principal raises the balance).
 *
 * @param id            ledger sequence; entries on the same date apply in id order
 * @param effectiveDate the apply date: the date the entry counts for on the loan
 */
public record LedgerEntry(long id, EntryType type, LocalDate effectiveDate, BigDecimal amount,
                          BigDecimal principal, BigDecimal interest, BigDecimal fees, Long reversesId,
                          String description) {
}
