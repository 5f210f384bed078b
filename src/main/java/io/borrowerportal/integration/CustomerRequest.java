package io.borrowerportal.integration;

import io.borrowerportal.servicing.CustomerUpsert;
import io.borrowerportal.servicing.ServicerStatus;

/**
 * {@code PUT /api/v1/customers/{externalId}}: the customer as the servicing system holds them. The servicing
 * module decides what is a valid name, email, phone, address and status, and names each field it refuses. Phone and mailing address come together or not at all.
 */
public record CustomerRequest(String firstName, String lastName,
                              String email, String phone,
                              String streetLine1, String streetLine2,
                              String city, String state, String zip,
                              ServicerStatus status) {

    CustomerUpsert toCommand(String externalId) {
        return new CustomerUpsert(externalId, firstName, lastName, email, phone, streetLine1, streetLine2, city, state,
                zip, status);
    }
}
