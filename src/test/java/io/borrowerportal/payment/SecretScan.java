package io.borrowerportal.payment;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for card data where it must never be: a run of 13-19 digits (spaces or dashes allowed between
 * them, as people type card numbers) that passes the Luhn check, or a given CVV standing on its own.
 * Runs inside a longer token (hashes, tokens, temporary file names) are not numbers anyone typed.
 */
public final class SecretScan {

    /**
     * A run that stands on its own: not part of a word, a file path or an identifier ("junit-7615800091967428",
     * "/tmp/x/123…"), which would otherwise pass the Luhn check one time in ten.
     */
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![0-9A-Za-z_./\\\\-])\\d(?:[ -]?\\d){12,18}(?![0-9A-Za-z_/\\\\-])");
    /** ACH trace numbers are bank ids of 15 digits, not card numbers. */
    private static final Set<String> NOT_CARD_COLUMNS = Set.of("trace_number");

    private final String cvv;
    private final List<String> findings = new ArrayList<>();
    private int columnsScanned;

    public SecretScan(String cvv) {
        this.cvv = cvv;
    }

    /**
     * A CVV that stands nowhere in the log yet, from 739 on: a three-digit number the log already holds (an
     * email id in a delivery warning, say) would be found by the scan and read as a leak. The test types this
     * CVV and scans the log afterwards; a later line holding it would then be the CVV itself.
     */
    public static String unusedCvv(Path log) {
        String text;
        try {
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int candidate = 739; ; candidate = candidate == 999 ? 100 : candidate + 1) {
            String cvv = String.valueOf(candidate);
            if (!new SecretScan(cvv).text("log", text).foundCvv()) {
                return cvv;
            }
        }
    }

    public int columnsScanned() {
        return columnsScanned;
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    public SecretScan text(String where, String text) {
        if (text == null) {
            return this;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(digits)) {
                findings.add(where + ": Luhn-valid digit run ending " + digits.substring(digits.length() - 4));
            }
        }
        // Standing on its own: not part of a longer number, an amount or an identifier ("autopay-739-20261228").
        if (standsAlone(text)) {
            findings.add(where + ": the CVV");
        }
        return this;
    }

    private boolean standsAlone(String text) {
        return Pattern.compile("(?<![0-9A-Za-z.,:_-])" + Pattern.quote(cvv) + "(?![0-9A-Za-z.,:_-])").matcher(text).find();
    }

    private boolean foundCvv() {
        return findings.stream().anyMatch(f -> f.endsWith(": the CVV"));
    }

    public SecretScan file(Path path) {
        try {
            return text(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SecretScan pdf(String where, byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(where, new PDFTextStripper().getText(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every character column of every table of the application's schema. */
    public SecretScan database(JdbcTemplate jdbc) {
        List<String[]> columns = jdbc.execute((java.sql.Connection connection) -> {
            List<String[]> found = new ArrayList<>();
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
                while (rs.next()) {
                    int type = rs.getInt("DATA_TYPE");
                    if (type == Types.VARCHAR || type == Types.CHAR || type == Types.CLOB || type == Types.LONGVARCHAR
                            || type == Types.NVARCHAR || type == Types.NCLOB) {
                        found.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return found;
        });
        for (String[] column : columns) {
            String table = column[0].toLowerCase(Locale.ROOT);
            String name = column[1].toLowerCase(Locale.ROOT);
            if (NOT_CARD_COLUMNS.contains(name) || table.startsWith("flyway")) {
                continue;
            }
            columnsScanned++;
            for (String value : jdbc.queryForList("select " + name + " from " + table, String.class)) {
                text(table + "." + name, value);
            }
        }
        return this;
    }
}
