package io.borrowerportal.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A NACHA file the portal wrote: what went into it, the SHA-256 of its bytes, and how far its delivery got.
 * What went into it never changes; its delivery moves on through the named transitions below.
 */
@Entity
@Table(name = "ach_files")
class AchFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fileName;
    private LocalDate businessDate;
    private LocalDate effectiveDate;
    private String fileIdModifier;
    private int entryCount;
    private BigDecimal totalDebit;
    private long entryHash;
    private String sha256;
    private String createdBy;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private AchFileState state;
    private Instant deliveredAt;
    private Instant purgedAt;

    protected AchFile() {
    }

    AchFile(String fileName, LocalDate businessDate, LocalDate effectiveDate, char fileIdModifier, int entryCount,
            BigDecimal totalDebit, long entryHash, String sha256, String createdBy, Instant createdAt) {
        this.fileName = fileName;
        this.businessDate = businessDate;
        this.effectiveDate = effectiveDate;
        this.fileIdModifier = String.valueOf(fileIdModifier);
        this.entryCount = entryCount;
        this.totalDebit = totalDebit;
        this.entryHash = entryHash;
        this.sha256 = sha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.state = AchFileState.WRITTEN;
    }

    Long id() { return id; }
    String fileName() { return fileName; }
    LocalDate businessDate() { return businessDate; }
    LocalDate effectiveDate() { return effectiveDate; }
    char fileIdModifier() { return fileIdModifier.charAt(0); }
    int entryCount() { return entryCount; }
    String sha256() { return sha256; }
    Instant createdAt() { return createdAt; }
    AchFileState state() { return state; }
    Instant deliveredAt() { return deliveredAt; }

    /** The rename into the outbox comes next; committed first, so a restart knows it may have happened. */
    void startDelivery() {
        require(EnumSet.of(AchFileState.WRITTEN), "delivered");
        this.state = AchFileState.DELIVERING;
    }

    /** The file has its final name in the outbox, with the bytes whose hash this row holds. */
    void delivered(Instant now) {
        require(EnumSet.of(AchFileState.DELIVERING), "marked delivered");
        this.state = AchFileState.DELIVERED;
        this.deliveredAt = now;
    }

    /** Deleted from disk after the retention period. */
    void purged(Instant now) {
        require(EnumSet.of(AchFileState.DELIVERED), "purged");
        this.state = AchFileState.PURGED;
        this.purgedAt = now;
    }

    AchFileSummary toSummary() {
        return new AchFileSummary(id, fileName, businessDate, effectiveDate, entryCount, totalDebit, sha256,
                createdBy, createdAt, state, deliveredAt);
    }

    private void require(Set<AchFileState> expected, String what) {
        if (!expected.contains(state)) {
            throw new IllegalStateException("ACH file " + fileName + " is " + state + "; it cannot be " + what);
        }
    }
}
