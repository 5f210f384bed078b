package io.borrowerportal.servicing;

import java.util.List;
import java.util.stream.Collectors;

/** What the servicer sent was refused, for every listed problem; nothing of it was written. */
public class ServicingRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ServicingProblem> problems;

    public ServicingRefusedException(List<ServicingProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    static ServicingRefusedException of(String field, String message) {
        return new ServicingRefusedException(List.of(new ServicingProblem(field, message)));
    }

    public List<ServicingProblem> problems() {
        return problems;
    }
}
