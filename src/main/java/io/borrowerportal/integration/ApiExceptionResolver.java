package io.borrowerportal.integration;

import io.borrowerportal.account.ProductInUseException;
import io.borrowerportal.servicing.ServicerEntryConflictException;
import io.borrowerportal.servicing.ServicingProblem;
import io.borrowerportal.servicing.ServicingRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error of an {@code /api/v1} request that reaches Spring MVC, as an RFC 9457 problem detail: no route (404),
 * a wrong method (405, with Allow), a body that is not JSON (415), malformed JSON or an unknown field (400), Bean
 * Validation (400 with an {@code errors} array naming each field), a body over the limit counted while reading (413),
 * a resource that does not exist (404), the servicing module's refusal (422 with an {@code errors} array naming each
 * field as the module named it, {@code entries[4321].amount}), a servicer entry id sent again with other content (409),
 * a change to what booked loans read from their product (409 naming each field, decision 034),
 * two first upserts of one id racing each other (409 "retry": the unique key refused the second), anything else (500, logged, with no text of the exception).
 * <p>
 * A {@link HandlerExceptionResolver} ahead of Spring's own rather than a {@code @ControllerAdvice}: a wrong address or
 * method fails before any controller is chosen, which an advice limited to this package would not see, and an advice
 * for every handler would stand in front of every other feature's advice. This resolver answers for {@code /api/v1}
 * only and passes on everything else untouched.
 */
@Component
class ApiExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final ApiProblems problems;

    ApiExceptionResolver(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        if (!ApiPaths.isApi(request) || response.isCommitted()) {
            return null;
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = problem(failure, request, headers);
        try {
            problems.write(response, problem, headers);
        } catch (IOException writing) {
            log.debug("The problem detail of {} {} could not be written", request.getMethod(), request.getRequestURI(), writing);
        }
        return new ModelAndView();
    }

    private static ProblemDetail problem(Exception failure, HttpServletRequest request, HttpHeaders headers) {
        if (ApiBodyLimitFilter.tooLarge(failure)) {
            headers.set(HttpHeaders.CONNECTION, "close");
            return ApiProblems.problem(request, HttpStatus.CONTENT_TOO_LARGE, ApiBodyLimitFilter.TITLE,
                    "The request body is larger than the limit.");
        }
        if (failure instanceof ServicingRefusedException refused) {
            return ApiProblems.withErrors(ApiProblems.problem(request, HttpStatus.UNPROCESSABLE_CONTENT, "Refused",
                    "The portal refused what was sent; nothing of it was written. The errors name each field."),
                    fieldProblems(refused.problems()));
        }
        if (failure instanceof ServicerEntryConflictException conflict) {
            return ApiProblems.withErrors(ApiProblems.problem(request, HttpStatus.CONFLICT, "Conflict",
                    "An entry id the loan already holds came with different content; entries are never edited: send "
                            + "a reversal and a new entry. Nothing of the batch was written."),
                    fieldProblems(conflict.problems()));
        }
        if (failure instanceof ProductInUseException inUse) {
            return ApiProblems.withErrors(ApiProblems.problem(request, HttpStatus.CONFLICT, "Conflict",
                    "Loans are booked on this product and compute their figures with the fields named; they never "
                            + "change under a booked loan. Nothing was written: define a product with a new code."),
                    inUse.problems().entrySet().stream()
                            .map(p -> new ApiProblems.FieldProblem(p.getKey(), p.getValue())).toList());
        }
        if (failure instanceof DataIntegrityViolationException) {
            log.info("API request {} {} lost a race for a unique key; the client is told to retry", request.getMethod(),
                    request.getRequestURI());
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return ApiProblems.problem(request, HttpStatus.CONFLICT, "Retry",
                    "Another request wrote the same record at the same moment. Send this request again.");
        }
        if (failure instanceof TypeMismatchException mismatch) {
            String name = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
            return invalidRequest(request, List.of(new ApiProblems.FieldProblem(name, "has a value of the wrong type or form")));
        }
        if (failure instanceof ApiNotFoundException notFound) {
            return ApiProblems.problem(request, HttpStatus.NOT_FOUND, "Not found", notFound.getMessage());
        }
        if (failure instanceof MethodArgumentNotValidException invalid) {
            List<ApiProblems.FieldProblem> errors = new ArrayList<>();
            invalid.getBindingResult().getFieldErrors().forEach(error -> errors.add(fieldProblem(error)));
            invalid.getBindingResult().getGlobalErrors().forEach(error ->
                    errors.add(new ApiProblems.FieldProblem(error.getObjectName(), message(error))));
            return invalidRequest(request, errors);
        }
        if (failure instanceof HandlerMethodValidationException invalid) {
            List<ApiProblems.FieldProblem> errors = new ArrayList<>();
            invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.add(error instanceof FieldError field ? fieldProblem(field)
                            : new ApiProblems.FieldProblem(result.getMethodParameter().getParameterName(), message(error)))));
            return invalidRequest(request, errors);
        }
        if (failure instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(request, unreadable);
        }
        if (failure instanceof AccessDeniedException) {
            return ApiProblems.problem(request, HttpStatus.FORBIDDEN, "Forbidden", "This API key may not do this.");
        }
        if (failure instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            headers.addAll(error.getHeaders());
            return ApiProblems.problem(request, HttpStatus.valueOf(status.value()), title(status), switch (status.value()) {
                case 404 -> "There is nothing at this address in the API.";
                case 405 -> request.getMethod() + " is not allowed here; the Allow header lists what is.";
                case 415 -> "Send the body as application/json.";
                case 406 -> "The API answers in application/json only.";
                default -> "The request could not be handled.";
            });
        }
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), failure);
        return ApiProblems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on the portal's side. Try again later; if it keeps failing, tell the lender.");
    }

    /** Malformed JSON, an unknown field, or a value of the wrong type, naming the field where there is one. */
    private static ProblemDetail unreadable(HttpServletRequest request, HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                return ApiProblems.withErrors(ApiProblems.problem(request, HttpStatus.BAD_REQUEST, "Unknown field",
                        "The body has a field this request does not know: " + field + "."),
                        List.of(new ApiProblems.FieldProblem(field, "is not a field of this request")));
            }
            if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
                String field = path((DatabindException) cause);
                if (!field.isEmpty()) {
                    return invalidRequest(request, List.of(new ApiProblems.FieldProblem(field, "has a value of the wrong type or form")));
                }
            }
        }
        return ApiProblems.problem(request, HttpStatus.BAD_REQUEST, "Malformed JSON",
                "The body is not valid JSON, or is missing.");
    }

    private static String path(DatabindException failure) {
        return failure.getPath().stream().map(ref -> ref.getPropertyName() != null ? ref.getPropertyName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static ProblemDetail invalidRequest(HttpServletRequest request, List<ApiProblems.FieldProblem> errors) {
        return ApiProblems.withErrors(ApiProblems.problem(request, HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? "One field is not valid." : errors.size() + " fields are not valid."), errors);
    }

    private static List<ApiProblems.FieldProblem> fieldProblems(List<ServicingProblem> problems) {
        return problems.stream().map(p -> new ApiProblems.FieldProblem(p.field(), p.message())).toList();
    }

    private static ApiProblems.FieldProblem fieldProblem(FieldError error) {
        return new ApiProblems.FieldProblem(error.getField(), message(error));
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
