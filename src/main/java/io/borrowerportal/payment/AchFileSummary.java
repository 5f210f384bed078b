package io.borrowerportal.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A written NACHA file, for operations.
 *
 * @param deliveredAt when it got its final name in the outbox; null while it is not delivered
 */
public record AchFileSummary(long id, String fileName, LocalDate businessDate, LocalDate effectiveDate,
                             int entryCount, BigDecimal totalDebit, String sha256, String createdBy,
                             Instant createdAt, AchFileState state, Instant deliveredAt) {
}
