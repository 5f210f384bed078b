package io.borrowerportal.insurance;

/**
 * A policy submission as the servicing system reads it in an outbound event (decision 029): the policy as the
 * customer gave it, waiting for the lender's review.
 *
 * @param proofDocumentId the proof filed with it in Documents (its own DOCUMENT_UPLOADED event), or null
 */
record InsuranceMessage(long policyVersionId, String loanNumber, int versionNumber, PolicyStatus status,
                        long customerId, PolicyDetails policy, Long proofDocumentId) {

    static InsuranceMessage of(PolicyVersion version, Long proofDocumentId) {
        return new InsuranceMessage(version.id(), version.loanNumber(), version.versionNumber(), version.status(),
                version.customerId(), version.details(), proofDocumentId);
    }
}
