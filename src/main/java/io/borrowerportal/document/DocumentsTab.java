package io.borrowerportal.document;

import java.util.List;

/**
 * One loan's Documents tab.
 *
 * @param documents        the documents the customer may see, newest first
 * @param uploadCategories the categories open for customer uploads, in the lender's order (empty: no uploads)
 */
public record DocumentsTab(List<DocumentSummary> documents, List<CategorySummary> uploadCategories) {
}
