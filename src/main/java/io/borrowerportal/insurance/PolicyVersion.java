package io.borrowerportal.insurance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One submitted version of a loan's policy. Its fields are set once, when the customer submits it; afterwards
 * only its review changes, through the named transitions below, each from SUBMITTED only.
 */
@Entity
@Table(name = "insurance_policy_versions")
class PolicyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long accountId;
    private String loanNumber;
    private int versionNumber;
    private String insuranceCompany;
    private String insuredName;
    private String agentName;
    private String policyNumber;
    private String phone;
    private BigDecimal deductible;
    private LocalDate coverageStart;
    private LocalDate coverageEnd;
    private Long proofDocumentId;
    private String proofDocumentLabel;
    @Enumerated(EnumType.STRING)
    private PolicyStatus status;
    private long customerId;
    private String submittedBy;
    private Instant submittedAt;
    private String reviewedBy;
    private Instant reviewedAt;
    private String rejectionReason;
    @Version
    private long version;

    protected PolicyVersion() {
    }

    PolicyVersion(long accountId, String loanNumber, int versionNumber, PolicyDetails policy, Long proofDocumentId,
                  String proofDocumentLabel, long customerId, String submittedBy, Instant submittedAt) {
        this.accountId = accountId;
        this.loanNumber = loanNumber;
        this.versionNumber = versionNumber;
        this.insuranceCompany = policy.insuranceCompany();
        this.insuredName = policy.insuredName();
        this.agentName = policy.agentName();
        this.policyNumber = policy.policyNumber();
        this.phone = policy.phone();
        this.deductible = policy.deductible();
        this.coverageStart = policy.coverageStart();
        this.coverageEnd = policy.coverageEnd();
        this.proofDocumentId = proofDocumentId;
        this.proofDocumentLabel = proofDocumentLabel;
        this.status = PolicyStatus.SUBMITTED;
        this.customerId = customerId;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    String loanNumber() {
        return loanNumber;
    }

    int versionNumber() {
        return versionNumber;
    }

    long customerId() {
        return customerId;
    }

    PolicyStatus status() {
        return status;
    }

    void verify(String staff, Instant at) {
        requireWaiting();
        status = PolicyStatus.VERIFIED;
        reviewedBy = staff;
        reviewedAt = at;
    }

    void reject(String staff, Instant at, String reason) {
        requireWaiting();
        status = PolicyStatus.REJECTED;
        reviewedBy = staff;
        reviewedAt = at;
        rejectionReason = reason;
    }

    /** A newer submission replaces this one while it waits: staff review the newer one instead. */
    void supersede() {
        requireWaiting();
        status = PolicyStatus.SUPERSEDED;
    }

    private void requireWaiting() {
        if (status != PolicyStatus.SUBMITTED) {
            throw new InsuranceRefusedException(null, switch (status) {
                case VERIFIED -> "Version " + versionNumber + " of loan " + loanNumber + " was already verified.";
                case REJECTED -> "Version " + versionNumber + " of loan " + loanNumber + " was already rejected.";
                case SUPERSEDED -> "Version " + versionNumber + " of loan " + loanNumber
                        + " was replaced by a newer submission; review that one instead.";
                case SUBMITTED -> throw new IllegalStateException();
            });
        }
    }

    PolicyDetails details() {
        return new PolicyDetails(insuranceCompany, insuredName, agentName, policyNumber, phone, deductible,
                coverageStart, coverageEnd);
    }

    String describe() {
        return "version " + versionNumber + ", " + insuranceCompany + " policy " + policyNumber + ", coverage "
                + coverageStart + " to " + coverageEnd;
    }

    PolicyVersionSummary toSummary() {
        return new PolicyVersionSummary(id, loanNumber, versionNumber, details(), status, submittedBy, submittedAt,
                reviewedBy, reviewedAt, rejectionReason, proofDocumentId, proofDocumentLabel);
    }
}
