package io.borrowerportal.integration;

import jakarta.servlet.http.HttpServletRequest;

/** The addresses of the inbound API, for the filter chain's matcher and the error handler's "is this mine". */
final class ApiPaths {

    static final String BASE = "/api/v1";
    static final String PATTERN = BASE + "/**";

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }
}
