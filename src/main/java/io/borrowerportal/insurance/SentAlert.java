package io.borrowerportal.insurance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** An insurance alert event that was emailed: at most one per loan, policy version and kind (a unique key). */
@Entity
@Table(name = "insurance_alerts_sent")
class SentAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long accountId;
    private long policyVersionId;
    @Enumerated(EnumType.STRING)
    private InsuranceAlertKind kind;
    private LocalDate businessDate;
    private int recipients;
    private Instant createdAt;

    protected SentAlert() {
    }

    SentAlert(long accountId, long policyVersionId, InsuranceAlertKind kind, LocalDate businessDate, int recipients,
              Instant createdAt) {
        this.accountId = accountId;
        this.policyVersionId = policyVersionId;
        this.kind = kind;
        this.businessDate = businessDate;
        this.recipients = recipients;
        this.createdAt = createdAt;
    }
}
