package io.borrowerportal.servicing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One loan a run listed as differing; kept as found, so a run's list reads the same later. */
@Entity
@Immutable
@Table(name = "reconciliation_differences")
class ReconciliationDifference {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long runId;
    private Long accountId;
    private String loanNumber;
    private LocalDate asOf;
    private BigDecimal servicerBalance;
    private BigDecimal portalBalance;
    private BigDecimal difference;
    private String portalLastEntry;
    private String servicerLastEntry;

    protected ReconciliationDifference() {
    }

    ReconciliationDifference(long runId, long accountId, BalanceDifference found) {
        this.runId = runId;
        this.accountId = accountId;
        this.loanNumber = found.loanNumber();
        this.asOf = found.asOf();
        this.servicerBalance = found.servicerBalance();
        this.portalBalance = found.portalBalance();
        this.difference = found.difference();
        this.portalLastEntry = found.portalLastEntry();
        this.servicerLastEntry = found.servicerLastEntry();
    }

    BalanceDifference toDifference() {
        return new BalanceDifference(loanNumber, asOf, servicerBalance, portalBalance, difference, portalLastEntry,
                servicerLastEntry);
    }
}
