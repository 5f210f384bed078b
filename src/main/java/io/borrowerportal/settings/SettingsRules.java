package io.borrowerportal.settings;

import org.apache.commons.validator.routines.EmailValidator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule on one setting or on a few settings together, written once. The records' constructors
 * ({@link PaymentSettings}, {@link AutoPaySettings}, {@link FeeRule}, {@link WebsiteSettings}) throw the message of
 * the first rule broken; {@link SettingsService#check} collects every message beside its field. Each method answers
 * the message in the lender's words, or empty when the value is fine.
 */
final class SettingsRules {

    static final int MAX_TEXT = 120;
    static final int MAX_EMAIL = 160;
    static final int MAX_PHONE = 40;
    static final int MAX_REMITTANCE = 300;
    /** WCAG 2.x AA for normal text: white text on the brand colour must be at least this legible. */
    static final double MIN_CONTRAST = 4.5;
    static final BigDecimal MAX_PERCENT_FEE = BigDecimal.TEN;
    static final String CUTOFF_MESSAGE = "Enter a time between 00:00 and 23:59";

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+()\\-. ]+");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private SettingsRules() {
    }

    /** Throws the first message, for the records' constructors. */
    @SafeVarargs
    static void require(Optional<String>... rules) {
        for (Optional<String> rule : rules) {
            if (rule.isPresent()) {
                throw new IllegalArgumentException(rule.get());
            }
        }
    }

    static Optional<String> requiredText(String label, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of("Enter the " + label.toLowerCase(Locale.ROOT));
        }
        if (value.strip().length() > max) {
            return Optional.of("Use at most " + max + " characters");
        }
        return Optional.empty();
    }

    static Optional<String> email(String value) {
        Optional<String> required = requiredText("Support email", value, MAX_EMAIL);
        if (required.isPresent()) {
            return required;
        }
        return EmailValidator.getInstance().isValid(value.strip())
                ? Optional.empty() : Optional.of("Enter an email address such as support@lender.com");
    }

    /** Plausible: digits with the usual separators, 7 to 15 digits (E.164's longest). */
    static Optional<String> phone(String value) {
        Optional<String> required = requiredText("Support phone", value, MAX_PHONE);
        if (required.isPresent()) {
            return required;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (!PHONE_CHARACTERS.matcher(value.strip()).matches() || digits < 7 || digits > 15) {
            return Optional.of("Enter a phone number such as +1 (800) 555-0100");
        }
        return Optional.empty();
    }

    static Optional<String> colour(String value) {
        if (value == null || !COLOUR.matcher(value.strip()).matches()) {
            return Optional.of("Enter a colour as #rrggbb, for example #1f5fa8");
        }
        double contrast = contrastWithWhite(value.strip());
        if (contrast < MIN_CONTRAST) {
            return Optional.of(String.format(Locale.ROOT,
                    "White text on this colour has a contrast of %.1f:1; choose a darker colour (at least 4.5:1)",
                    Math.floor(contrast * 10) / 10));
        }
        return Optional.empty();
    }

    /** WCAG 2.x contrast ratio of white against {@code #rrggbb}: (1.05) / (L + 0.05). */
    static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double luminance = 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff)
                + 0.0722 * linear(rgb & 0xff);
        return 1.05 / (luminance + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    static Optional<String> timeZone(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("Choose a time zone");
        }
        return ZoneId.getAvailableZoneIds().contains(value.strip())
                ? Optional.empty() : Optional.of("\"" + value.strip() + "\" is not a time zone; choose one such as America/New_York");
    }

    static Optional<String> time(LocalTime value) {
        return value == null ? Optional.of(CUTOFF_MESSAGE) : Optional.empty();
    }

    static Optional<String> summaryFields(Collection<SummaryField> fields) {
        if (fields == null || fields.isEmpty()) {
            return Optional.of("Show at least one Summary field");
        }
        if (fields.contains(null)) {
            return Optional.of("Remove the empty Summary field");
        }
        Set<SummaryField> seen = EnumSet.noneOf(SummaryField.class);
        for (SummaryField field : fields) {
            if (!seen.add(field)) {
                return Optional.of(field.label() + " is listed twice");
            }
        }
        return Optional.empty();
    }

    static Optional<String> insuranceWarnDays(Integer days) {
        return days == null || days < 0 || days > WebsiteSettings.MAX_INSURANCE_WARN_DAYS
                ? Optional.of("Warn between 0 and " + WebsiteSettings.MAX_INSURANCE_WARN_DAYS + " days before coverage ends")
                : Optional.empty();
    }

    static Optional<String> minimumPayment(BigDecimal minimum) {
        if (minimum == null) {
            return Optional.of("Enter a minimum payment");
        }
        if (minimum.signum() <= 0) {
            return Optional.of("The minimum payment must be more than $0.00");
        }
        return wholeCents(minimum);
    }

    static Optional<String> maximumPayment(BigDecimal minimum, BigDecimal maximum) {
        if (maximum == null) {
            return Optional.of("Enter a maximum payment");
        }
        if (minimum != null && maximum.compareTo(minimum) < 0) {
            return Optional.of("The maximum payment cannot be below the minimum (" + dollars(minimum) + ")");
        }
        return wholeCents(maximum);
    }

    static Optional<String> maxDaysAhead(Integer days) {
        return days == null || days < 0 || days > PaymentSettings.MAX_DAYS_AHEAD_LIMIT
                ? Optional.of("Payments can be dated 0 to " + PaymentSettings.MAX_DAYS_AHEAD_LIMIT + " days ahead")
                : Optional.empty();
    }

    static Optional<String> nsfFee(BigDecimal fee) {
        if (fee == null) {
            return Optional.of("Enter the NSF fee (0 for none)");
        }
        return fee.signum() < 0 ? Optional.of("The NSF fee cannot be negative") : wholeCents(fee);
    }

    /** A convenience fee on its own: its kind and value. */
    static Optional<String> fee(FeeRule.Kind kind, BigDecimal value) {
        if (kind == null) {
            return Optional.of("Choose no fee, a flat fee or a percentage");
        }
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        if (kind != FeeRule.Kind.NONE && value == null) {
            return Optional.of("Enter the fee");
        }
        if (v.signum() < 0) {
            return Optional.of("A convenience fee cannot be negative");
        }
        if (kind == FeeRule.Kind.PERCENT && v.compareTo(HUNDRED) > 0) {
            return Optional.of("A fee above 100% would cost more than the payment; a percentage fee is at most 10%");
        }
        if (kind == FeeRule.Kind.PERCENT && v.compareTo(MAX_PERCENT_FEE) > 0) {
            return Optional.of("A percentage convenience fee is at most 10%");
        }
        if (kind == FeeRule.Kind.FLAT && v.stripTrailingZeros().scale() > 2) {
            return Optional.of("A flat convenience fee is in whole cents");
        }
        return Optional.empty();
    }

    /** A flat fee may not be more than the smallest payment it is charged on. */
    static Optional<String> feeWithinPayment(FeeRule.Kind kind, BigDecimal value, BigDecimal minimum) {
        if (kind == FeeRule.Kind.FLAT && value != null && minimum != null && minimum.signum() > 0
                && value.compareTo(minimum) > 0) {
            return Optional.of("A flat fee of " + dollars(value) + " is more than the minimum payment ("
                    + dollars(minimum) + "); lower the fee or raise the minimum");
        }
        return Optional.empty();
    }

    static Optional<String> channels(boolean paymentsEnabled, boolean card, boolean bank) {
        return paymentsEnabled && !card && !bank
                ? Optional.of("With Payments on, allow cards, bank accounts or both") : Optional.empty();
    }

    static Optional<String> paymentTypes(boolean paymentsEnabled, Collection<PaymentType> types) {
        return paymentsEnabled && (types == null || types.isEmpty())
                ? Optional.of("With Payments on, offer at least one payment type") : Optional.empty();
    }

    static Optional<String> remittanceAddress(String address) {
        return address != null && address.length() > MAX_REMITTANCE
                ? Optional.of("Use at most " + MAX_REMITTANCE + " characters") : Optional.empty();
    }

    static Optional<String> autopayFrequencies(boolean enabled, Collection<AutoPayFrequency> frequencies) {
        return enabled && (frequencies == null || frequencies.isEmpty())
                ? Optional.of("With AutoPay on, offer at least one frequency") : Optional.empty();
    }

    static Optional<String> autopayAmountTypes(boolean enabled, Collection<AutoPayAmountType> types) {
        return enabled && (types == null || types.isEmpty())
                ? Optional.of("With AutoPay on, offer at least one amount type") : Optional.empty();
    }

    static Optional<String> autopayMaxActive(Integer max) {
        return max == null || max < 1 || max > AutoPaySettings.MAX_ACTIVE_LIMIT
                ? Optional.of("An account may have 1 to " + AutoPaySettings.MAX_ACTIVE_LIMIT + " active AutoPays")
                : Optional.empty();
    }

    private static Optional<String> wholeCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() > 2 ? Optional.of("Enter whole cents") : Optional.empty();
    }

    /** $1,234.56, as the change list and the audit word money. */
    static String dollars(BigDecimal amount) {
        return "$" + String.format(Locale.US, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
