package io.borrowerportal.servicing;

/**
 * A customer as the servicer holds them, by its own {@code externalId}. Phone and mailing address come together
 * or not at all.
 */
public record CustomerUpsert(String externalId, String firstName, String lastName, String email, String phone,
                             String streetLine1, String streetLine2, String city, String state, String zip,
                             ServicerStatus status) {
}
