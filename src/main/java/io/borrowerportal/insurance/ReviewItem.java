package io.borrowerportal.insurance;

/**
 * A submission in the staff review queue: the version with the customer who submitted it.
 *
 * @param customerName  the submitting customer's name as the customer directory has it now
 * @param customerEmail their email, to tell two customers of one name apart
 */
public record ReviewItem(PolicyVersionSummary version, String customerName, String customerEmail) {
}
