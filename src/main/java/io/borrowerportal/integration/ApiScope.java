package io.borrowerportal.integration;

/** What an API key may do: READ answers GET (and HEAD); WRITE also every other method, so it implies READ. */
public enum ApiScope {
    READ("Read"),
    WRITE("Read and write");

    private final String label;

    ApiScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a key of this scope may make a request that needs {@code needed}. */
    public boolean allows(ApiScope needed) {
        return this == WRITE || needed == READ;
    }
}
