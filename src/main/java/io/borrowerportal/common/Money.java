package io.borrowerportal.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * US dollar amounts are {@link BigDecimal}s with exactly two decimals. This class holds the few
 * rules every feature shares, so no caller picks its own rounding.
 */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    /** Rounds half-up to the cent; used wherever an amount is posted. */
    public static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    /**
     * Parses or normalises an amount that must already be whole cents: "12.345" is refused rather
     * than silently rounded, because a customer or staff member typed it.
     */
    public static BigDecimal of(String value) {
        return requireCents(new BigDecimal(value));
    }

    public static BigDecimal requireCents(BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException("An amount is required");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > SCALE) {
            throw new IllegalArgumentException("An amount cannot have more than two decimals: " + value.toPlainString());
        }
        return value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * en-US dollars as a borrower reads them in a document: $1,234.56, -$12.50 for a negative amount
     * and "—" for none. Documents are always in English; screens use the user's locale instead.
     */
    public static String format(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal rounded = round(amount);
        String digits = format.format(rounded.abs());
        return (rounded.signum() < 0 ? "-$" : "$") + digits;
    }
}
