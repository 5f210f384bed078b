package io.borrowerportal.document;

/**
 * A document category as the lender set it up.
 *
 * @param purpose         the fixed role it plays (statements, insurance), or null for the lender's own
 * @param customerUpload  whether customers may upload into it
 * @param customerVisible whether customers see its documents
 */
public record CategorySummary(long id, String name, CategoryPurpose purpose, boolean customerUpload,
                              boolean customerVisible) {
}
