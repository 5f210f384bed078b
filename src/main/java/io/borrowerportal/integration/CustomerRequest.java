package io.borrowerportal.integration;

import io.borrowerportal.servicing.CustomerUpsert;
import io.borrowerportal.servicing.ServicerStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code PUT /api/v1/customers/{externalId}}: the customer as the servicing system holds them. The servicing
 * module decides what is a valid name, email, phone, address and status, and names each field it refuses. Phone and mailing address come together or not at all.
 */
@Schema(description = "A customer as the servicing system holds them")
public record CustomerRequest(@Schema(description = "Given name") String firstName, String lastName,
                              @Schema(description = "Unique among the portal's customers") String email,
                              @Schema(description = "With streetLine1, city, state and zip, or none of them") String phone,
                              String streetLine1, String streetLine2, String city,
                              @Schema(description = "Two-letter US state") String state, @Schema(description = "5 digits or ZIP+4") String zip,
                              @Schema(description = "The customer's status at the servicer, kept as sent") ServicerStatus status) {

    CustomerUpsert toCommand(String externalId) {
        return new CustomerUpsert(externalId, firstName, lastName, email, phone, streetLine1, streetLine2, city, state,
                zip, status);
    }
}
