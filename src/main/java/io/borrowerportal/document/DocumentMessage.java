package io.borrowerportal.document;

/**
 * An upload as the servicing system reads it in an outbound event (decision 029): what was filed, where, and by
 * whom; never the content, which stays in the portal.
 */
record DocumentMessage(long documentId, String reference, String loanNumber, long customerId, String category,
                       String name, String fileName, String contentType, long sizeBytes) {
}
