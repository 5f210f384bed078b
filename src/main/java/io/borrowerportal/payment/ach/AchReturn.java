package io.borrowerportal.payment.ach;

import java.util.Objects;

/**
 * One debit the customer's bank sent back: the trace number we gave it when we wrote the file, and why.
 */
public record AchReturn(String traceNumber, ReturnCode code) {

    public AchReturn {
        if (!Fields.isDigits(traceNumber, 15, 15)) {
            throw new IllegalArgumentException("A trace number must be 15 digits, not '" + traceNumber + "'");
        }
        Objects.requireNonNull(code, "A return needs its return code");
    }
}
