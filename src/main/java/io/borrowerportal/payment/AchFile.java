package io.borrowerportal.payment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A NACHA file the portal wrote: what went into it and a hash of what was written. */
@Entity
@Immutable
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
    }

    Long id() {
        return id;
    }

    AchFileSummary toSummary() {
        return new AchFileSummary(id, fileName, businessDate, effectiveDate, entryCount, totalDebit, sha256,
                createdBy, createdAt);
    }
}
