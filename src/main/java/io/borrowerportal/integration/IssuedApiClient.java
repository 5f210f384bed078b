package io.borrowerportal.integration;

/**
 * A client just issued, with its key: the only time the key exists outside the servicer's configuration. Only its
 * hash is stored, so it cannot be shown again; a lost key is replaced by revoking the client and issuing another.
 */
public record IssuedApiClient(ApiClientSummary client, String key) {

    @Override
    public String toString() {
        return "IssuedApiClient[" + client.keyPrefix() + "…]";
    }
}
