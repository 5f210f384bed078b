package io.borrowerportal.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A ledger entry as the servicer posted it, by its own id (unique per loan). Payments, fees and adjustments carry
 * their amount and its split; a reversal names the servicer id of the entry it undoes ({@code reverses}) and
 * takes the original's split and date. A payment's {@code reference} that is the confirmation number of a payment
 * the portal posted matches it (decision 030).
 */
public record ServicerEntry(String servicerId, ServicerEntryKind kind, LocalDate effectiveDate, BigDecimal amount,
                            BigDecimal principal, BigDecimal interest, BigDecimal fees, String reverses,
                            String reference, String description) {
}
