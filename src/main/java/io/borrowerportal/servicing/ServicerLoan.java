package io.borrowerportal.servicing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A loan the servicer sent, with the servicer's own balance and its date, for the nightly reconciliation. */
@Entity
@Table(name = "servicer_loans")
class ServicerLoan implements Persistable<Long> {

    @Id
    private Long accountId;
    private BigDecimal servicerBalance;
    private LocalDate balanceAsOf;
    private Instant createdAt;
    private Instant updatedAt;
    /** Whether the row exists: the id is the loan's, so without this a save would read the row before inserting it. */
    @Transient
    private boolean stored;

    protected ServicerLoan() {
    }

    ServicerLoan(long accountId, Instant at) {
        this.accountId = accountId;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Keeps the servicer's balance; false when it is the one already kept. */
    boolean changeBalance(BigDecimal balance, LocalDate asOf, Instant at) {
        boolean same = (balance == null ? servicerBalance == null
                : servicerBalance != null && balance.compareTo(servicerBalance) == 0)
                && Objects.equals(asOf, balanceAsOf);
        if (same) {
            return false;
        }
        servicerBalance = balance;
        balanceAsOf = asOf;
        updatedAt = at;
        return true;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public Long getId() {
        return accountId;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    long accountId() {
        return accountId;
    }

    BigDecimal servicerBalance() {
        return servicerBalance;
    }

    LocalDate balanceAsOf() {
        return balanceAsOf;
    }
}
