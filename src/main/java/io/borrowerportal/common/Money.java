package io.borrowerportal.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
}
