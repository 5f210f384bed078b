package io.borrowerportal.audit;

/** One audit entry with its place in the hash chain, for the viewer's details. */
public record AuditEntryDetail(AuditEntry entry, String prevHash, String hash, int hashScheme) {

    /** The scheme as staff read it (decision 020). */
    public String hashSchemeName() {
        return switch (hashScheme) {
            case AuditChain.LEGACY_SHA256 -> "SHA-256 (before decision 020)";
            case AuditChain.HMAC_SHA256 -> "HMAC-SHA256";
            default -> "unknown (" + hashScheme + ")";
        };
    }
}
