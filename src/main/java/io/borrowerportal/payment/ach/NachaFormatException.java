package io.borrowerportal.payment.ach;

/**
 * A NACHA or return file that cannot be trusted as it stands. The message names the line and says what
 * is wrong in words an operations clerk can act on ("Line 7: ..."), because the remedy is usually to
 * ask the bank for a corrected file, not to read a stack trace.
 */
public class NachaFormatException extends RuntimeException {

    /** Text from outside quoted in a message is cut to this many characters. */
    public static final int ECHO_MAX = 80;

    private final int lineNumber;

    public NachaFormatException(int lineNumber, String problem) {
        super("Line " + lineNumber + ": " + problem);
        this.lineNumber = lineNumber;
    }

    public NachaFormatException(String problem) {
        super(problem);
        this.lineNumber = 0;
    }

    /**
     * Text from a file as a message to staff quotes it: in quotes and {@linkplain #cut cut}. A line of a file
     * that is no returns file can be anything, of any length.
     */
    public static String quote(String text) {
        return "'" + cut(text) + "'";
    }

    /** Text from outside, fit to be shown to staff: control characters as spaces, at most {@value #ECHO_MAX} characters. */
    public static String cut(String text) {
        String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
        return line.length() <= ECHO_MAX ? line : line.substring(0, ECHO_MAX - 1) + "…";
    }

    /** The 1-based line the problem is on, or 0 when it concerns the file as a whole. */
    public int lineNumber() {
        return lineNumber;
    }
}
