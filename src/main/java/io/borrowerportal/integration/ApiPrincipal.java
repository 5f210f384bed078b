package io.borrowerportal.integration;

/** Who an API request comes from: the client, never a person. The audit names it by {@link #actor()}. */
public record ApiPrincipal(long clientId, String publicId, String name, ApiScope scope) {

    /** The audit log's actor for this client's requests: {@code api:<publicId>}, which the console lists. */
    public String actor() {
        return "api:" + publicId;
    }
}
