package io.borrowerportal.payment.ach;

/**
 * A NACHA or return file that cannot be trusted as it stands. The message names the line and says what
 * is wrong in words an operations clerk can act on ("Line 7: ..."), because the remedy is usually to
 * ask the bank for a corrected file, not to read a stack trace.
 */
public class NachaFormatException extends RuntimeException {

    private final int lineNumber;

    public NachaFormatException(int lineNumber, String problem) {
        super("Line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    public NachaFormatException(String problem) {
        super(problem);
        this.lineNumber = 0;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the file as a whole. */
    public int lineNumber() {
        return lineNumber;
    }
}
