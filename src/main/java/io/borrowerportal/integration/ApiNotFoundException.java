package io.borrowerportal.integration;

/** Something an API request names does not exist (a loan number): 404, with this message as the detail. */
class ApiNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ApiNotFoundException(String message) {
        super(message);
    }
}
