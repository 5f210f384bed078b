package io.borrowerportal.insurance;

import io.borrowerportal.common.RefusedException;

import java.util.Map;

/**
 * A policy submission or review the rules refuse; nothing was stored. {@link #problems()} has every field's
 * message (by the name of {@link PolicyDetails}' component, "proof" for the attached file), so the form can
 * show each beside its field; {@link #field()} and the message are the first of them.
 */
public class InsuranceRefusedException extends RefusedException {

    private final Map<String, String> problems;

    public InsuranceRefusedException(String field, String message) {
        super(field, message);
        this.problems = field == null ? Map.of() : Map.of(field, message);
    }

    InsuranceRefusedException(Map<String, String> problems) {
        super(problems.keySet().iterator().next(), problems.values().iterator().next());
        this.problems = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
