package io.borrowerportal.payment.ach;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the returns a bank reports, whichever way it reports them: a NACHA return file, or a CSV
 * export with a trace number and an R-code per line (banks' portals offer both). A file with any line
 * that cannot be read is refused whole, naming the line, so an operator can ask the bank for a clean
 * file instead of posting part of it.
 */
public final class ReturnFiles {

    private ReturnFiles() {
    }

    public static List<AchReturn> parse(String content) {
        if (content == null || content.isBlank()) {
            throw new NachaFormatException("The return file is empty");
        }
        List<String> lines = NachaReader.splitLines(content);
        String first = lines.getFirst();
        if (first.length() == Fields.RECORD_LENGTH && first.charAt(0) == '1') {
            return fromNacha(NachaReader.read(content));
        }
        return fromCsv(lines);
    }

    /**
     * A return entry is addressed to us and carries the original trace number in its type 99 addenda;
     * the entry's own trace number is the returning bank's. Notifications of change (addenda 98) are not
     * returns: the debit went through, so they are skipped here.
     */
    private static List<AchReturn> fromNacha(NachaFile file) {
        List<AchReturn> returns = new ArrayList<>();
        for (NachaFile.Entry entry : file.entries()) {
            if (entry.addenda().isEmpty()) {
                throw new NachaFormatException(entry.lineNumber(),
                        "this entry has no return addenda (type 99), so it is not a return and cannot be matched to a payment");
            }
            for (NachaFile.Addenda addenda : entry.addenda()) {
                if (!addenda.isReturn()) {
                    continue;
                }
                ReturnCode code = ReturnCode.parse(addenda.returnReasonCode()).orElseThrow(() -> new NachaFormatException(
                        addenda.lineNumber(), NachaFormatException.quote(addenda.returnReasonCode()) + " is not a return reason code this portal knows"));
                returns.add(new AchReturn(addenda.originalTraceNumber(), code));
            }
        }
        return returns;
    }

    private static List<AchReturn> fromCsv(List<String> lines) {
        List<AchReturn> returns = new ArrayList<>();
        int traceColumn = 0;
        int codeColumn = 1;
        boolean seenFirst = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line);
            if (!seenFirst) {
                seenFirst = true;
                if (line.chars().noneMatch(Character::isDigit)) {
                    traceColumn = column(fields, "TRACE", 0);
                    codeColumn = column(fields, "CODE", traceColumn == 1 ? 0 : 1);
                    if (traceColumn == codeColumn) {
                        throw new NachaFormatException(lineNumber, "the header names no separate columns for the trace number and the return code");
                    }
                    continue;
                }
            }
            int needed = Math.max(traceColumn, codeColumn) + 1;
            if (fields.size() < needed) {
                throw new NachaFormatException(lineNumber, "expected a trace number and a return code separated by a comma, but found "
                        + NachaFormatException.quote(line.strip()));
            }
            String trace = fields.get(traceColumn);
            if (!Fields.isDigits(trace, 15, 15)) {
                throw new NachaFormatException(lineNumber, "the trace number must be 15 digits, not " + NachaFormatException.quote(trace));
            }
            String codeText = fields.get(codeColumn);
            ReturnCode code = ReturnCode.parse(codeText).orElseThrow(() -> new NachaFormatException(lineNumber,
                    NachaFormatException.quote(codeText) + " is not a return code this portal knows (expected R01 to R24 or R29)"));
            returns.add(new AchReturn(trace, code));
        }
        if (returns.isEmpty() && !seenFirst) {
            throw new NachaFormatException("The return file is empty");
        }
        return returns;
    }

    private static int column(List<String> header, String name, int fallback) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toUpperCase(Locale.ROOT).contains(name)) {
                return i;
            }
        }
        return fallback;
    }

    /** Comma-separated fields with surrounding spaces and double quotes removed. */
    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>(2);
        for (String raw : line.split(",", -1)) {
            String field = raw.strip();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields.add(field);
        }
        return fields;
    }
}
