package io.borrowerportal.integration;

import java.time.Instant;

/**
 * An API client as the console lists it: never its key nor the key's hash. {@code keyPrefix} is the key's public part
 * ({@code bpk_<publicId>_}), which lets an admin tell which client a key in a servicer's configuration belongs to.
 */
public record ApiClientSummary(long id, String publicId, String name, ApiScope scope, ApiClientStatus status,
                               String createdBy, Instant createdAt, Instant expiresAt, String revokedBy,
                               Instant revokedAt, Instant lastUsedAt) {

    public String keyPrefix() {
        return ApiKeys.PREFIX + publicId + ApiKeys.SEPARATOR;
    }
}
