package io.borrowerportal.insurance;

import java.util.List;

/**
 * What the Insurance tab shows: the policy on file, the newest submission, every version newest first, and the
 * alerts.
 *
 * @param onFile  the newest version waiting or verified: the policy the lender holds (or is about to); null when
 *                there is none, as when every submission was rejected
 * @param latest  the newest version whatever its review status (a rejected one is corrected from it); null when
 *                nothing was ever submitted
 * @param paidOff the loan is paid off: its collateral needs no insurance for the lender any more, so there are no
 *                alerts and no new versions, and the history stays readable
 */
public record InsuranceOverview(String loanNumber, PolicyVersionSummary onFile, PolicyVersionSummary latest,
                                List<PolicyVersionSummary> history, List<InsuranceAlert> alerts, boolean paidOff) {
}
