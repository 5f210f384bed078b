package io.borrowerportal.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A statement the portal wrote: its loan and period, the document it is filed as, and the figures printed on it.
 *
 * @param customersNotified how many customers on the loan were emailed that it is ready (0 for a backfill)
 */
public record StatementSummary(long id, long accountId, YearMonth period, long documentId, BigDecimal openingBalance,
                               BigDecimal closingBalance, BigDecimal interestPaid, BigDecimal interestPaidYearToDate,
                               BigDecimal amountDue, LocalDate nextDueDate, boolean finalStatement, long lastEntryId,
                               int customersNotified, Instant createdAt) {
}
