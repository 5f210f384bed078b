package io.borrowerportal.insurance;

import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Emails each insurance alert event once: coverage ending within the lender's warning days, coverage ended,
 * or no policy on file, on every open collateralized loan. An event is a loan, a policy version (none for
 * "missing") and a kind; it is recorded in {@code insurance_alerts_sent} in the same transaction as its emails,
 * under a unique key, so the job can run every day (or twice, or on two nodes) and a customer hears about an
 * event once. A renewed policy is a new version, and so a new event when its own end comes near.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM','ADMIN')")
public class InsuranceAlertEmails {

    /** Loans whose policy versions are read in one query. */
    private static final int PAGE = 500;

    private final AccountLookup accounts;
    private final LoanServicing servicing;
    private final PolicyVersionRepository versions;
    private final SentAlertRepository sent;
    private final InsuranceNotices notices;
    private final SettingsService settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    InsuranceAlertEmails(AccountLookup accounts, LoanServicing servicing, PolicyVersionRepository versions,
                         SentAlertRepository sent, InsuranceNotices notices, SettingsService settings,
                         PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.servicing = servicing;
        this.versions = versions;
        this.sent = sent;
        this.notices = notices;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @return how many alert events were emailed now (0 when the lender switched insurance off) */
    public int sendDue() {
        WebsiteSettings website = settings.current();
        if (!website.insuranceEnabled()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        List<AccountRef> loans = accounts.collateralizedOnTheWeb();
        int emailed = 0;
        for (int from = 0; from < loans.size(); from += PAGE) {
            List<AccountRef> page = loans.subList(from, Math.min(from + PAGE, loans.size()));
            Map<Long, List<PolicyVersionSummary>> byAccount = versions.findByAccountIds(
                            page.stream().map(AccountRef::id).toList()).stream()
                    .collect(Collectors.groupingBy(PolicyVersion::accountId,
                            Collectors.mapping(PolicyVersion::toSummary, Collectors.toList())));
            for (AccountRef loan : page) {
                emailed += emailNew(loan, byAccount.getOrDefault(loan.id(), List.of()), today,
                        website.insuranceWarnDays());
            }
        }
        return emailed;
    }

    /**
     * Emails the loan's alert events not emailed before. A paid-off loan has none; its ledger is read only when
     * there is a new event to send, not for every loan every day.
     */
    private int emailNew(AccountRef loan, List<PolicyVersionSummary> newestFirst, LocalDate today, int warnDays) {
        List<InsuranceAlert> unsent = InsuranceAlertRules.alerts(loan.loanNumber(), newestFirst, today, warnDays)
                .stream().filter(alert -> alert.kind().emailedByTheDailyJob())
                .filter(alert -> !sent.existsByAccountIdAndPolicyVersionIdAndKind(loan.id(), alert.policyVersionId(),
                        alert.kind()))
                .toList();
        if (unsent.isEmpty() || servicing.figures(loan.loanNumber(), today).status() == LoanStatus.PAID_OFF) {
            return 0;
        }
        return (int) unsent.stream().filter(alert -> emailOnce(loan, alert, today)).count();
    }

    /** Records the event and sends its emails in one transaction; false when it was emailed before. */
    private boolean emailOnce(AccountRef loan, InsuranceAlert alert, LocalDate today) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (sent.existsByAccountIdAndPolicyVersionIdAndKind(loan.id(), alert.policyVersionId(), alert.kind())) {
                    return false;
                }
                int recipients = notices.alert(loan.id(), alert);
                sent.saveAndFlush(new SentAlert(loan.id(), alert.policyVersionId(), alert.kind(), today, recipients,
                        clock.instant()));
                return true;
            }));
        } catch (DataIntegrityViolationException recordedMeanwhile) {
            // Another run recorded (and emailed) this event between the check and the insert; its emails rolled back.
            return false;
        }
    }
}
