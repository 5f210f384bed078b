package io.borrowerportal.integration;

import io.borrowerportal.servicing.Outcome;
import io.borrowerportal.servicing.UpsertResult;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What an upsert did: {@code key} is the external id or loan number, {@code outcome} CREATED, UPDATED or UNCHANGED,
 * {@code changed} the fields an update changed (empty otherwise).
 */
public record UpsertResponse(@Schema(description = "The external id or loan number") String key, Outcome outcome,
                             @Schema(description = "The fields an update changed") List<String> changed) {

    static UpsertResponse of(UpsertResult result) {
        return new UpsertResponse(result.key(), result.outcome(), result.changed());
    }
}
