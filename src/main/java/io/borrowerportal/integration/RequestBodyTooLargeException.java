package io.borrowerportal.integration;

import java.io.IOException;

/**
 * Thrown by the counting request stream of {@link ApiBodyLimitFilter} as soon as a body without a Content-Length (or
 * with a false one) passes the limit: the rest is never read. An {@link IOException}, so the JSON reader passes it on
 * as a read failure, which {@link ApiExceptionResolver} answers with 413.
 */
class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    RequestBodyTooLargeException(long limit) {
        super("Request body over " + limit + " bytes");
    }
}
