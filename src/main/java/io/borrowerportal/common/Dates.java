package io.borrowerportal.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The date patterns of letters, emails, PDFs and notes written on the server, in US English, one formatter
 * each (pages use the browser's locale through {@code base.ui.Formats} instead).
 */
public final class Dates {

    /** "December 5, 2026": letters, emails, receipts, timeline notes. */
    public static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    /** "Dec 5, 2026": tables. */
    public static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    /** "Dec 5, 2026 9:30 AM": when something happened. */
    public static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a", Locale.US);
    /** "Dec 5, 2026 9:30 AM EST": when something happened, on staff pages where the zone matters. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM d, yyyy h:mm a z", Locale.US);
    /** "December 5, 2026 at 9:30 AM EST": when something happened, in letters, emails and receipts. */
    public static final DateTimeFormatter LONG_STAMP =
            DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US);
    /** "9:30 AM EST on December 5, 2026": when a wait ends. */
    public static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("h:mm a z 'on' MMMM d, yyyy", Locale.US);
    /** "9:30 AM". */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private Dates() {
    }

    /** "December 5, 2026". */
    public static String day(LocalDate date) {
        return LONG.format(date);
    }
}
