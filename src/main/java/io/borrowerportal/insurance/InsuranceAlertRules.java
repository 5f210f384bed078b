package io.borrowerportal.insurance;

import io.borrowerportal.common.Dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides a loan's insurance alerts, for the Summary, the Insurance tab and the daily email
 * job alike. The policy on file is the newest version still waiting or verified: a rejected or replaced one is
 * not coverage the lender accepted.
 */
final class InsuranceAlertRules {

    private InsuranceAlertRules() {
    }

    /** @param newestFirst every version of the loan's policy, newest first */
    static List<InsuranceAlert> alerts(String loanNumber, List<PolicyVersionSummary> newestFirst, LocalDate today,
                                       int warnDays) {
        List<InsuranceAlert> alerts = new ArrayList<>();
        PolicyVersionSummary latest = newestFirst.isEmpty() ? null : newestFirst.getFirst();
        if (latest != null && latest.status() == PolicyStatus.REJECTED) {
            alerts.add(new InsuranceAlert(InsuranceAlertKind.REJECTED, loanNumber, latest.id(),
                    "The policy you submitted on loan " + loanNumber + " (version " + latest.versionNumber()
                            + ") was not accepted: " + latest.rejectionReason() + " Please submit it again, corrected."));
        }
        PolicyVersionSummary onFile = newestFirst.stream().filter(v -> v.status().onFile()).findFirst().orElse(null);
        if (onFile == null) {
            alerts.add(new InsuranceAlert(InsuranceAlertKind.MISSING, loanNumber, 0,
                    "We have no insurance on file for loan " + loanNumber + ". The collateral must be insured: "
                            + "add your policy on the Insurance tab."));
            return alerts;
        }
        LocalDate end = onFile.details().coverageEnd();
        if (end.isBefore(today)) {
            alerts.add(new InsuranceAlert(InsuranceAlertKind.EXPIRED, loanNumber, onFile.id(),
                    "The insurance on loan " + loanNumber + " ended on " + Dates.day(end)
                            + ". Add your current policy on the Insurance tab."));
        } else if (!end.isAfter(today.plusDays(warnDays))) {
            long days = ChronoUnit.DAYS.between(today, end);
            alerts.add(new InsuranceAlert(InsuranceAlertKind.EXPIRING, loanNumber, onFile.id(),
                    "The insurance on loan " + loanNumber + " ends on " + Dates.day(end)
                            + (days == 0 ? " (today)" : days == 1 ? " (tomorrow)" : " (in " + days + " days)")
                            + ". When you renew it, add the renewed policy on the Insurance tab."));
        }
        return alerts;
    }
}
