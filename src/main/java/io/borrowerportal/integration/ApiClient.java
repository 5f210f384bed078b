package io.borrowerportal.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A client of the inbound API and the hash of its key (decision 028). Revocation is final. */
@Entity
@Table(name = "api_clients")
class ApiClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String publicId;
    private String name;
    @Enumerated(EnumType.STRING)
    private ApiScope scope;
    private String secretSha256;
    private String createdBy;
    private Instant createdAt;
    private Instant expiresAt;
    private String revokedBy;
    private Instant revokedAt;
    private Instant lastUsedAt;

    protected ApiClient() {
    }

    ApiClient(String publicId, String name, ApiScope scope, String secretSha256, String createdBy, Instant createdAt,
              Instant expiresAt) {
        this.publicId = publicId;
        this.name = name;
        this.scope = scope;
        this.secretSha256 = secretSha256;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long id() {
        return id;
    }

    String publicId() {
        return publicId;
    }

    String name() {
        return name;
    }

    ApiScope scope() {
        return scope;
    }

    String secretSha256() {
        return secretSha256;
    }

    ApiClientStatus status(Instant now) {
        if (revokedAt != null) {
            return ApiClientStatus.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? ApiClientStatus.EXPIRED : ApiClientStatus.ACTIVE;
    }

    /** Whether the last use on record is newer than the instant: recording this one can wait. */
    boolean usedSince(Instant instant) {
        return lastUsedAt != null && lastUsedAt.isAfter(instant);
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    ApiClientSummary toSummary(Instant now) {
        return new ApiClientSummary(id, publicId, name, scope, status(now), createdBy, createdAt, expiresAt, revokedBy,
                revokedAt, lastUsedAt);
    }
}
