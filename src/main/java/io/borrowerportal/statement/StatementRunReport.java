package io.borrowerportal.statement;

import java.time.YearMonth;

/**
 * What one run over the book did for one month.
 *
 * @param loans          accounts with web access that had started by the end of the month
 * @param written        statements written now
 * @param alreadyWritten loans that had the month's statement (or a later one) before this run
 * @param notDue         loans that get none: not funded by the end of the month, or paid off before it began
 * @param errors         loans whose statement failed twice in this run (each is logged)
 */
public record StatementRunReport(YearMonth period, int loans, int written, int alreadyWritten, int notDue,
                                 int errors, long millis) {

    @Override
    public String toString() {
        return "Statements for " + period + ": " + loans + " loans, " + written + " written, " + alreadyWritten
                + " already written, " + notDue + " not due, " + errors + " errors, " + millis + " ms";
    }
}
