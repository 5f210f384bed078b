package io.borrowerportal.integration;

import io.borrowerportal.servicing.ServicerEntry;
import io.borrowerportal.servicing.ServicerEntryKind;
import io.borrowerportal.servicing.ServicingLedger;
import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A batch of ledger entries for one loan, whole or nothing")
public record LedgerEntriesRequest(@NotEmpty @Size(max = ServicingLedger.MAX_BATCH) @Valid List<@NotNull Entry> entries) {

    /**
     * One entry by the servicer's own id (unique per loan). Payments, fees and adjustments carry the amount and its
     * split; a reversal names the servicer id it undoes in {@code reverses}. A payment's {@code reference} equal to
     * a portal confirmation number matches the portal's payment instead of posting it again.
     */
    public record Entry(@Schema(description = "The servicer's entry id, unique per loan") String servicerId, ServicerEntryKind kind,
                        @Schema(description = "From the disbursement to today; a reversal takes the original's") LocalDate effectiveDate,
                        @Schema(description = "Dollars and cents; equals principal + interest + fees; not sent for a reversal") BigDecimal amount,
                        BigDecimal principal, BigDecimal interest, BigDecimal fees,
                        @Schema(description = "For a REVERSAL: the servicerId of the entry it undoes") String reverses,
                        @Schema(description = "A portal confirmation number (PAY-XXXXXXXX) to match a payment made in the portal") String reference,
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
