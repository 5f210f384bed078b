package io.borrowerportal.account;

import io.borrowerportal.ledger.EntryType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A ledger entry with the split its sender decided, already checked by the loan engine: the servicing system's
 * payments, fees and adjustments, or a reversal of the ledger entry {@code reversesId}.
 */
public record SentEntry(EntryType type, LocalDate effectiveDate, BigDecimal principal, BigDecimal interest,
                        BigDecimal fees, Long reversesId, String description) {
}
