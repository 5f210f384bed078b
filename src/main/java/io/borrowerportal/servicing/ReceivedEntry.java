package io.borrowerportal.servicing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A ledger entry the servicer sent, by its id on the loan: the ledger entry it posted or was matched to, and the
 * fingerprint of its content. Immutable, like the ledger.
 */
@Entity
@Immutable
@Table(name = "servicer_entries")
class ReceivedEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long accountId;
    private String servicerEntryId;
    private Long ledgerEntryId;
    @Enumerated(EnumType.STRING)
    private EntryOutcome outcome;
    private String fingerprint;
    private Instant receivedAt;

    protected ReceivedEntry() {
    }

    ReceivedEntry(long accountId, String servicerEntryId, long ledgerEntryId, EntryOutcome outcome,
                  String fingerprint, Instant receivedAt) {
        this.accountId = accountId;
        this.servicerEntryId = servicerEntryId;
        this.ledgerEntryId = ledgerEntryId;
        this.outcome = outcome;
        this.fingerprint = fingerprint;
        this.receivedAt = receivedAt;
    }

    /** Its columns for {@link ServicingLedger}'s batched insert, in the order of its statement. */
    Object[] row() {
        return new Object[] {accountId, servicerEntryId, ledgerEntryId, outcome.name(), fingerprint,
                LocalDateTime.ofInstant(receivedAt, ZoneOffset.UTC)};
    }

    String servicerEntryId() {
        return servicerEntryId;
    }

    long ledgerEntryId() {
        return ledgerEntryId;
    }

    EntryOutcome outcome() {
        return outcome;
    }

    String fingerprint() {
        return fingerprint;
    }
}
