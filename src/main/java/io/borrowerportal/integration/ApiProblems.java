package io.borrowerportal.integration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details for the API: built here for the filters (401, 413, 429, 403), which answer before Spring
 * MVC, and for {@link ApiExceptionResolver}. The detail is always the portal's own sentence, never an exception's
 * text, so no class name, SQL or stack trace reaches a client. Also owns the API's JSON mapper: Boot's, made strict
 * (an unknown field fails the read instead of being dropped) and with Spring's mixin that puts a problem's extra
 * properties such as {@code errors} at the top level.
 */
@Component
class ApiProblems {

    /** One bad field of a request body, as the {@code errors} array lists it. */
    record FieldProblem(String field, String message) {
    }

    private final JsonMapper json;

    ApiProblems(JsonMapper bootMapper) {
        this.json = bootMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }

    JsonMapper json() {
        return json;
    }

    static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return problem;
    }

    /** Writes the problem as the whole response, for a filter that answers instead of passing the request on. */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail,
               Map<String, String> headers) throws IOException {
        HttpHeaders httpHeaders = new HttpHeaders();
        headers.forEach(httpHeaders::set);
        write(response, problem(request, status, title, detail), httpHeaders);
    }

    void write(HttpServletResponse response, ProblemDetail problem, HttpHeaders headers) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();
    }
}
