package io.borrowerportal.base.ui;

import com.vaadin.flow.component.UI;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Money, dates and rates formatted for the user's locale; English (US) unless the browser asks for Spanish. */
public final class Formats {

    private static final Currency USD = Currency.getInstance("USD");

    private Formats() {
    }

    public static Locale locale() {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? null : ui.getLocale();
        if (locale != null && "es".equals(locale.getLanguage())) {
            return Locale.forLanguageTag("es-US");
        }
        return Locale.US;
    }

    public static String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(USD);
        return format.format(amount);
    }

    public static String date(LocalDate date) {
        return date == null ? "—" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()));
    }

    public static String shortDate(LocalDate date) {
        return date == null ? "—" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale()));
    }

    /** An annual rate such as 6.9900 shown as "6.99%". */
    public static String rate(BigDecimal percent) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(4);
        return format.format(percent) + "%";
    }
}
