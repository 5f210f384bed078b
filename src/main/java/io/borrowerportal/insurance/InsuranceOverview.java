package io.borrowerportal.insurance;

import java.util.List;

/**
 * What the Insurance tab shows: the newest version (whatever its review status), every version newest first,
 * and the alerts.
 *
 * @param latest null when nothing was ever submitted
 */
public record InsuranceOverview(String loanNumber, PolicyVersionSummary latest, List<PolicyVersionSummary> history,
                                List<InsuranceAlert> alerts) {
}
