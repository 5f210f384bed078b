package io.borrowerportal.document;

import java.util.List;

/**
 * Every document on one loan, as staff see them: all categories, including those hidden from customers.
 *
 * @param title the loan's title (its collateral or product)
 */
public record LoanDocuments(String loanNumber, String title, List<DocumentSummary> documents) {
}
