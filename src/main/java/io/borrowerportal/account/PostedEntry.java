package io.borrowerportal.account;

import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the append-only ledger. Immutable: Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "ledger_entries")
class PostedEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long accountId;
    @Enumerated(EnumType.STRING)
    private EntryType entryType;
    private LocalDate effectiveDate;
    private BigDecimal amount;
    private BigDecimal principal;
    private BigDecimal interest;
    private BigDecimal fees;
    private Long reversesId;
    private String description;
    private Instant postedAt;
    private String postedBy;
    /** The portal payment's confirmation number, on the entry that payment posted (decision 030). */
    private String reference;

    protected PostedEntry() {
    }

    PostedEntry(long accountId, EntryType type, LocalDate effectiveDate, BigDecimal principal, BigDecimal interest,
                BigDecimal fees, Long reversesId, String description, Instant postedAt, String postedBy) {
        this(accountId, type, effectiveDate, principal.add(interest).add(fees), principal, interest, fees, reversesId,
                description, postedAt, postedBy);
    }

    /**
     * With an amount of its own: only a convenience fee (and its reversal) has an amount that is not the
     * sum of its parts, because none of it goes to the loan.
     */
    PostedEntry(long accountId, EntryType type, LocalDate effectiveDate, BigDecimal amount, BigDecimal principal,
                BigDecimal interest, BigDecimal fees, Long reversesId, String description, Instant postedAt,
                String postedBy) {
        this.accountId = accountId;
        this.entryType = type;
        this.effectiveDate = effectiveDate;
        this.principal = principal;
        this.interest = interest;
        this.fees = fees;
        this.amount = amount;
        this.reversesId = reversesId;
        this.description = description;
        this.postedAt = postedAt;
        this.postedBy = postedBy;
    }

    /** Sets the reference of an entry not yet saved. */
    PostedEntry withReference(String reference) {
        if (id != null) {
            throw new IllegalStateException("A posted entry is never edited");
        }
        this.reference = reference;
        return this;
    }

    Long id() {
        return id;
    }

    Long accountId() {
        return accountId;
    }

    LedgerEntry toLedgerEntry() {
        return new LedgerEntry(id, entryType, effectiveDate, amount, principal, interest, fees, reversesId, description);
    }
}
