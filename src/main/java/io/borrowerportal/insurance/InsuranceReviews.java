package io.borrowerportal.insurance;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.security.ActorAudit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Staff review of submitted policies: the queue (oldest first) and the two outcomes. A version is reviewed
 * once; one a newer submission replaced cannot be reviewed (the newer one is in the queue instead). A rejection
 * must say why: the customer sees the reason on the Insurance tab and the Summary, and every customer on the
 * loan gets it by email. Both outcomes are audited with the staff member.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN') and !hasRole('PREVIEW')")
public class InsuranceReviews {

    private final PolicyVersionRepository versions;
    private final CustomerService customers;
    private final InsuranceNotices notices;
    private final ActorAudit audit;
    private final Clock clock;

    InsuranceReviews(PolicyVersionRepository versions, CustomerService customers, InsuranceNotices notices,
                     ActorAudit audit, Clock clock) {
        this.versions = versions;
        this.customers = customers;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** The submissions waiting for review, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewItem> queue() {
        List<PolicyVersion> waiting = versions.findByStatusOrderBySubmittedAtAscIdAsc(PolicyStatus.SUBMITTED);
        Map<Long, CustomerSummary> who = customers.contacts(waiting.stream().map(PolicyVersion::customerId)
                .distinct().toList());
        return waiting.stream().map(v -> {
            CustomerSummary customer = who.get(v.customerId());
            PolicyVersionSummary summary = v.toSummary();
            return new ReviewItem(summary, customer == null ? summary.submittedBy() : customer.name(),
                    customer == null ? "" : customer.email());
        }).toList();
    }

    /** @throws InsuranceRefusedException when the version was already reviewed or replaced */
    @Transactional
    public PolicyVersionSummary verify(long versionId) {
        PolicyVersion version = waiting(versionId);
        version.verify(audit.actorName(), clock.instant());
        audit.record(version.customerId(), version.loanNumber(), AuditAction.INSURANCE_VERIFIED, version.describe());
        return version.toSummary();
    }

    /**
     * @param reason what the customer reads: required, one line, at most {@link InsuranceFields#REJECTION_REASON_MAX}
     * @throws InsuranceRefusedException for a missing or unusable reason ("reason"), or a version already reviewed
     */
    @Transactional
    public PolicyVersionSummary reject(long versionId, String reason) {
        InsuranceFields.rejectionReason(reason).ifPresent(problem -> {
            throw new InsuranceRefusedException("reason", problem);
        });
        String why = reason.strip();
        PolicyVersion version = waiting(versionId);
        version.reject(audit.actorName(), clock.instant(), why);
        int told = notices.rejected(version, why);
        audit.record(version.customerId(), version.loanNumber(), AuditAction.INSURANCE_REJECTED,
                version.describe() + ", reason: " + why + "; emailed " + told + " customer(s)");
        return version.toSummary();
    }

    private PolicyVersion waiting(long versionId) {
        return versions.lockById(versionId).orElseThrow(() -> new InsuranceRefusedException(null,
                "There is no submitted policy " + versionId + "."));
    }
}
