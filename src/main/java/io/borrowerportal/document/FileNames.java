package io.borrowerportal.document;

import java.text.Normalizer;

/**
 * Cleans text a customer typed or a browser sent (a file name, a document name) into a label that is safe
 * to show and to put in a header: no folders, no control or direction-override characters, no leading
 * dots, one space between words, and not longer than the column. Stored files are never named by it.
 */
public final class FileNames {

    private FileNames() {
    }

    /** The file name's last part, cleaned; empty when nothing printable is left. */
    public static String label(String fileName, int maxLength) {
        if (fileName == null) {
            return "";
        }
        String name = fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = text(name, maxLength);
        while (name.startsWith(".")) {
            name = name.substring(1).strip();
        }
        return name;
    }

    /** Text with control, format (bidi overrides, zero-width) and line characters removed and spaces collapsed. */
    public static String text(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String normalized = Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        boolean space = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = !out.isEmpty();
            } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                // dropped
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        String cleaned = out.toString();
        if (cleaned.length() > maxLength) {
            int end = maxLength;
            if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
                end--;
            }
            cleaned = cleaned.substring(0, end).strip();
        }
        return cleaned;
    }
}
