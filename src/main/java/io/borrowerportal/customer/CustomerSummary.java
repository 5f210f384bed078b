package io.borrowerportal.customer;

/** A customer as the staff search shows them. */
public record CustomerSummary(long id, String name, String email, CustomerStatus status) {
}
