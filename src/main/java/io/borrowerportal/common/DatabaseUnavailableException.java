package io.borrowerportal.common;

/** The database could not be reached at start-up; reported as one line, without a stack trace. */
public class DatabaseUnavailableException extends RuntimeException {

    private final String url;

    public DatabaseUnavailableException(String url, String reason) {
        super("Cannot connect to the database at " + url + ": " + reason);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
