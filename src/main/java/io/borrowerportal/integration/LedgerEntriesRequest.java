package io.borrowerportal.integration;

import io.borrowerportal.servicing.ServicerEntry;
import io.borrowerportal.servicing.ServicerEntryKind;
import io.borrowerportal.servicing.ServicingLedger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /api/v1/loans/{loanNumber}/ledger-entries}: a batch of the servicer's ledger entries for one loan,
 * posted whole or not at all. Each refusal names its row ({@code entries[4321].amount}).
 */
public record LedgerEntriesRequest(@NotEmpty @Size(max = ServicingLedger.MAX_BATCH) @Valid List<@NotNull Entry> entries) {

    /**
     * One entry by the servicer's own id (unique per loan). Payments, fees and adjustments carry the amount and its
     * split; a reversal names the servicer id it undoes in {@code reverses}. A payment's {@code reference} equal to
     * a portal confirmation number matches the portal's payment instead of posting it again.
     */
    public record Entry(String servicerId, ServicerEntryKind kind, LocalDate effectiveDate,
                        BigDecimal amount, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                        String reverses, String reference,
                        String description) {

        ServicerEntry toEntry() {
            return new ServicerEntry(servicerId, kind, effectiveDate, amount, principal, interest, fees, reverses,
                    reference, description);
        }
    }

    List<ServicerEntry> toEntries() {
        return entries.stream().map(Entry::toEntry).toList();
    }
}
