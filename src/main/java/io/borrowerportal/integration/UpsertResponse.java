package io.borrowerportal.integration;

import io.borrowerportal.servicing.Outcome;
import io.borrowerportal.servicing.UpsertResult;

import java.util.List;

/**
 * What an upsert did: {@code key} is the external id or loan number, {@code outcome} CREATED, UPDATED or UNCHANGED,
 * {@code changed} the fields an update changed (empty otherwise).
 */
public record UpsertResponse(String key, Outcome outcome, List<String> changed) {

    static UpsertResponse of(UpsertResult result) {
        return new UpsertResponse(result.key(), result.outcome(), result.changed());
    }
}
