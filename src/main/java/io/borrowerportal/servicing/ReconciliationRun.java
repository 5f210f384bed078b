package io.borrowerportal.servicing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A reconciliation run as recorded when it ends, in the transaction that wrote its list. */
@Entity
@Table(name = "reconciliation_runs")
class ReconciliationRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private ReconciliationTrigger runTrigger;
    private String runBy;
    private LocalDate businessDate;
    private Instant startedAt;
    private Instant finishedAt;
    private int loansCompared;
    private int loansDiffering;
    private int loansCleared;

    protected ReconciliationRun() {
    }

    ReconciliationRun(ReconciliationTrigger trigger, String runBy, LocalDate businessDate, Instant startedAt) {
        this.runTrigger = trigger;
        this.runBy = runBy;
        this.businessDate = businessDate;
        this.startedAt = startedAt;
        this.finishedAt = startedAt;
    }

    void finish(Instant at, int compared, int differing, int cleared) {
        this.finishedAt = at;
        this.loansCompared = compared;
        this.loansDiffering = differing;
        this.loansCleared = cleared;
    }

    Long id() {
        return id;
    }

    ReconciliationRunSummary toSummary() {
        return new ReconciliationRunSummary(id, runTrigger, runBy, businessDate, startedAt, finishedAt, loansCompared,
                loansDiffering, loansCleared);
    }
}
