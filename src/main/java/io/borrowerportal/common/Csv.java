package io.borrowerportal.common;

/**
 * Cells of the CSV files the portal writes (RFC 4180, records ended by CRLF). Text that a person or another
 * system typed is guarded against formula injection: a spreadsheet would run {@code =HYPERLINK(...)} as a formula,
 * so a cell that starts like one gets a leading apostrophe, as OWASP recommends.
 */
public final class Csv {

    /** RFC 4180 ends records with CRLF; spreadsheet programs accept it everywhere. */
    public static final String CRLF = "\r\n";

    private Csv() {
    }

    /** A text cell: formula-guarded, then quoted when it holds a comma, a quote or a line break; "" for null. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String value = text;
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
