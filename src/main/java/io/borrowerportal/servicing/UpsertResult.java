package io.borrowerportal.servicing;

import java.util.List;

/**
 * What an upsert did to the thing the servicer names by {@code key} (an external id, a loan number), and which
 * fields it changed (empty unless UPDATED).
 */
public record UpsertResult(String key, Outcome outcome, List<String> changed) {
}
