package io.borrowerportal.servicing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reconciliation run: who started it, on which business date, and its counts.
 *
 * @param compared  loans the servicer had sent a balance for
 * @param differing loans whose balances differ by more than a cent (listed with the run)
 * @param cleared   loans under review that this run found equal again, and released
 */
public record ReconciliationRunSummary(long id, ReconciliationTrigger trigger, String runBy, LocalDate businessDate,
                                       Instant startedAt, Instant finishedAt, int compared, int differing,
                                       int cleared) {
}
