package io.borrowerportal.account;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A change to what booked loans read from their product (payment frequency, day count, collateral) while loans are
 * booked on it (decision 034): every figure of those loans would change under them. Names each such field; nothing
 * was written. A product with a new code takes the new terms.
 */
public class ProductInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> problems;
    private final long loansBooked;

    ProductInUseException(Map<String, String> problems, long loansBooked) {
        super(problems.entrySet().stream().map(p -> p.getKey() + ": " + p.getValue()).collect(Collectors.joining("; ")));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        this.loansBooked = loansBooked;
    }

    /** Each refused field with its reason, by field name. */
    public Map<String, String> problems() {
        return problems;
    }

    public long loansBooked() {
        return loansBooked;
    }
}
