package io.borrowerportal.insurance;

/**
 * An insurance alert for a loan, in the customer's words.
 *
 * @param policyVersionId the version it is about, or 0 when no policy is on file (MISSING)
 */
public record InsuranceAlert(InsuranceAlertKind kind, String loanNumber, long policyVersionId, String message) {
}
