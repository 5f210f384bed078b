package io.borrowerportal.payment;

import java.util.List;

/** What a returns file (or a return recorded by hand) did: returns applied and lines skipped, with why. */
public record ReturnImportResult(List<String> applied, List<String> skipped) {

    public ReturnImportResult {
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
    }
}
