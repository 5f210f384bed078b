package io.borrowerportal.servicing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A servicer entry id the loan already holds came again with different content (HTTP 409): entries are never
 * edited, so the servicer must send a reversal and a new entry instead. Nothing of the request was written.
 */
public class ServicerEntryConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ServicingProblem> problems;

    public ServicerEntryConflictException(List<ServicingProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ServicingProblem> problems() {
        return problems;
    }
}
