package io.borrowerportal.insurance;

import java.time.Instant;

/**
 * One submitted version of a loan's policy, as the customer's history and staff see it.
 *
 * @param submittedBy       the name of the customer who submitted it
 * @param reviewedBy        the staff member who verified or rejected it, or null
 * @param rejectionReason   what staff told the customer, when rejected
 * @param proofDocumentId   the proof of insurance filed in Documents with it, or null
 * @param proofDocumentLabel its reference and name ("DOC-… · Proof of insurance"), or null
 */
public record PolicyVersionSummary(long id, String loanNumber, int versionNumber, PolicyDetails details,
                                   PolicyStatus status, String submittedBy, Instant submittedAt,
                                   String reviewedBy, Instant reviewedAt, String rejectionReason,
                                   Long proofDocumentId, String proofDocumentLabel) {
}
