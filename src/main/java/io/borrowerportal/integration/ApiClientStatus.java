package io.borrowerportal.integration;

/** Whether a client's key opens the API now. */
public enum ApiClientStatus {
    ACTIVE("Active"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    ApiClientStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
