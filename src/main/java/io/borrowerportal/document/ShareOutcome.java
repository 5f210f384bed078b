package io.borrowerportal.document;

/**
 * What sharing a document did.
 *
 * @param customersNotified how many of the loan's customers were emailed; none when the category is hidden
 *                          from customers or the lender has switched documents off on the customer website
 */
public record ShareOutcome(DocumentSummary document, int customersNotified) {
}
