package io.borrowerportal.settings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A convenience fee for one payment channel: none, a flat amount, or a percentage of the payment,
 * rounded half-up to the cent. The fee is charged on top of the payment and never reduces the loan.
 */
public record FeeRule(Kind kind, BigDecimal value) {

    public enum Kind { NONE, FLAT, PERCENT }

    public static final FeeRule NONE = new FeeRule(Kind.NONE, BigDecimal.ZERO);

    public FeeRule {
        Objects.requireNonNull(kind, "kind");
        value = value == null ? BigDecimal.ZERO : value;
        SettingsRules.require(SettingsRules.fee(kind, value));
    }

    public static FeeRule flat(String amount) {
        return new FeeRule(Kind.FLAT, new BigDecimal(amount));
    }

    public static FeeRule percent(String percent) {
        return new FeeRule(Kind.PERCENT, new BigDecimal(percent));
    }

    /** The fee on a payment of {@code amount}, in cents. */
    public BigDecimal feeFor(BigDecimal amount) {
        BigDecimal fee = switch (kind) {
            case NONE -> BigDecimal.ZERO;
            case FLAT -> value;
            case PERCENT -> amount.multiply(value).movePointLeft(2);
        };
        return fee.setScale(2, RoundingMode.HALF_UP);
    }

    /** "$2.50", "2.5%" or "No fee", for the payment form. */
    public String describe() {
        return switch (kind) {
            case NONE -> "No fee";
            case FLAT -> "$" + value.setScale(2, RoundingMode.HALF_UP).toPlainString();
            case PERCENT -> value.stripTrailingZeros().toPlainString() + "%";
        };
    }
}
