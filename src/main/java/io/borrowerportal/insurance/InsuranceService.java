package io.borrowerportal.insurance;

import io.borrowerportal.account.AccountInfo;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.document.DocumentRefusedException;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.security.ActorAudit;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The policy on a loan's collateral, as its customers keep it: every customer on the loan (borrower or
 * co-borrower) reads it and may submit a new version. Each method takes the loan number and resolves it through
 * the served customer's links, so another customer's loan is "not found"; the lender's switch and the loan's
 * collateral are checked before anything else. Submitting is refused during a staff preview.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class InsuranceService {

    private final AccountService accounts;
    private final PolicyVersionRepository versions;
    private final DocumentService documents;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final ActorAudit audit;
    private final Clock clock;
    private final Outbox outbox;

    InsuranceService(AccountService accounts, PolicyVersionRepository versions, DocumentService documents,
                     SettingsService settings, CurrentUser currentUser, ActorAudit audit, Clock clock, Outbox outbox) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.versions = versions;
        this.documents = documents;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The policy on file, every version newest first, and the alerts, for the Insurance tab. */
    public InsuranceOverview overview(String loanNumber) {
        WebsiteSettings website = requireSection();
        AccountInfo account = collateralized(loanNumber);
        LocalDate today = LocalDate.now(clock);
        boolean paidOff = paidOff(account, today);
        List<PolicyVersionSummary> history = history(account);
        return new InsuranceOverview(account.loanNumber(),
                history.stream().filter(v -> v.status().onFile()).findFirst().orElse(null),
                history.isEmpty() ? null : history.getFirst(), history,
                paidOff ? List.of() : InsuranceAlertRules.alerts(account.loanNumber(), history, today,
                        website.insuranceWarnDays()), paidOff);
    }

    /**
     * The alerts alone, for the Summary, which has the loan's status at hand: a paid-off loan has none (its
     * collateral is the borrower's own), and costs no query.
     */
    public List<InsuranceAlert> alerts(String loanNumber, LoanStatus status) {
        WebsiteSettings website = requireSection();
        AccountInfo account = collateralized(loanNumber);
        if (status == LoanStatus.PAID_OFF) {
            return List.of();
        }
        return InsuranceAlertRules.alerts(account.loanNumber(), history(account), LocalDate.now(clock),
                website.insuranceWarnDays());
    }

    private List<PolicyVersionSummary> history(AccountInfo account) {
        return versions.findByLoanNumberOrderByVersionNumberDesc(account.loanNumber()).stream()
                .map(PolicyVersion::toSummary).toList();
    }

    private boolean paidOff(AccountInfo account, LocalDate today) {
        return accounts.figuresOn(account.loanNumber(), today).status() == LoanStatus.PAID_OFF;
    }

    /**
     * Keeps a new version of the loan's policy, waiting for staff review; one still waiting is replaced by it
     * (marked SUPERSEDED, so staff review only the newest). The proof, when given, is filed in Documents in the
     * lender's insurance category in the same transaction: a refused file stores neither.
     *
     * @throws InsuranceRefusedException with every field's problem, or the proof's ("proof"); nothing is stored
     */
    @Transactional
    @ChangesCustomerState
    public PolicyVersionSummary submit(String loanNumber, PolicyDetails details, ProofOfInsurance proof) {
        requireSection();
        AccountInfo info = collateralized(loanNumber);
        if (paidOff(info, LocalDate.now(clock))) {
            throw new InsuranceRefusedException(null, "Loan " + info.loanNumber() + " is paid off, so we no longer "
                    + "need the insurance on its collateral.");
        }
        AccountRef account = accounts.reference(info.loanNumber());
        PolicyDetails policy = details.cleaned();
        Map<String, String> problems = InsuranceFields.problems(policy, LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InsuranceRefusedException(problems);
        }
        PortalUser customer = currentUser.customer();
        DocumentSummary document = proof == null ? null : fileProof(account, policy, proof);

        List<PolicyVersion> waiting = versions.lockByAccountIdAndStatus(account.id(), PolicyStatus.SUBMITTED);
        waiting.forEach(PolicyVersion::supersede);
        PolicyVersion version = new PolicyVersion(account.id(), account.loanNumber(),
                versions.lastVersionNumber(account.id()) + 1, policy, document == null ? null : document.id(),
                document == null ? null : document.reference() + " · " + document.name(), customer.id(),
                customer.displayName(), clock.instant());
        try {
            version = versions.saveAndFlush(version);
        } catch (DataIntegrityViolationException sameMoment) {
            // Another customer on the loan saved a version with the same number a moment ago.
            throw new InsuranceRefusedException(null, "Someone on this loan updated the policy at the same moment. "
                    + "Look at the policy on file and save your changes again.");
        }
        audit.record(customer.id(), account.loanNumber(), AuditAction.INSURANCE_SUBMITTED, version.describe()
                + (document == null ? "" : ", proof " + document.reference())
                + (waiting.isEmpty() ? "" : ", replacing waiting version "
                + waiting.stream().map(v -> String.valueOf(v.versionNumber())).reduce((a, b) -> a + ", " + b).orElseThrow()));
        outbox.record(EventType.INSURANCE_SUBMITTED, String.valueOf(version.id()),
                InsuranceMessage.of(version, document == null ? null : document.id()));
        return version.toSummary();
    }

    private DocumentSummary fileProof(AccountRef account, PolicyDetails policy, ProofOfInsurance proof) {
        try {
            return documents.uploadProofOfInsurance(account.loanNumber(),
                    "Proof of insurance, policy " + policy.policyNumber(),
                    policy.insuranceCompany() + ", coverage " + policy.coverageStart() + " to " + policy.coverageEnd(),
                    proof.fileName(), proof.content());
        } catch (DocumentRefusedException refused) {
            throw new InsuranceRefusedException("proof", refused.getMessage());
        }
    }

    private AccountInfo collateralized(String loanNumber) {
        AccountInfo account = accounts.info(loanNumber);
        if (!account.collateralized()) {
            throw new InsuranceRefusedException(null, "Loan " + account.loanNumber()
                    + " has no collateral, so no insurance is kept for it.");
        }
        return account;
    }

    private WebsiteSettings requireSection() {
        WebsiteSettings website = settings.current();
        if (!website.insuranceEnabled()) {
            throw new AccessDeniedException("The lender does not offer insurance tracking on the customer website");
        }
        return website;
    }
}
