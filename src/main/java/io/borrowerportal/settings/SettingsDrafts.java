package io.borrowerportal.settings;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A draft as a whole: its problems (every rule of {@link SettingsRules}, each on its field), its values in the
 * lender's words (what the change list and the audit show), and, once it has no problem, the records every
 * feature reads.
 */
final class SettingsDrafts {

    static final String NONE = "None";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SettingsDrafts() {
    }

    static List<SettingsProblem> problems(SettingsDraft d) {
        List<SettingsProblem> problems = new ArrayList<>();
        add(problems, SettingField.LENDER_NAME, SettingsRules.requiredText("Lender name", d.getLenderName(), SettingsRules.MAX_TEXT));
        add(problems, SettingField.SUPPORT_PHONE, SettingsRules.phone(d.getSupportPhone()));
        add(problems, SettingField.SUPPORT_EMAIL, SettingsRules.email(d.getSupportEmail()));
        add(problems, SettingField.PRIMARY_COLOR, SettingsRules.colour(d.getPrimaryColor()));
        add(problems, SettingField.LOGO, LogoFile.problem(d.getLogo()));
        add(problems, SettingField.TIME_ZONE, SettingsRules.timeZone(d.getTimeZone()));
        add(problems, SettingField.CUTOFF_TIME, SettingsRules.time(d.getCutoffTime()));
        add(problems, SettingField.SUMMARY_FIELDS, SettingsRules.summaryFields(d.getSummaryFields()));
        add(problems, SettingField.CARD_PAYMENTS, SettingsRules.channels(d.isPaymentsEnabled(), d.isCardAllowed(), d.isBankAllowed()));
        add(problems, SettingField.PAYMENT_TYPES, SettingsRules.paymentTypes(d.isPaymentsEnabled(), d.getPaymentTypes()));
        add(problems, SettingField.MINIMUM_PAYMENT, SettingsRules.minimumPayment(d.getMinimumPayment()));
        add(problems, SettingField.MAXIMUM_PAYMENT, SettingsRules.maximumPayment(d.getMinimumPayment(), d.getMaximumPayment()));
        add(problems, SettingField.MAX_DAYS_AHEAD, SettingsRules.maxDaysAhead(d.getMaxDaysAhead()));
        add(problems, SettingField.CARD_FEE, SettingsRules.fee(d.getCardFeeKind(), d.getCardFeeValue())
                .or(() -> SettingsRules.feeWithinPayment(d.getCardFeeKind(), d.getCardFeeValue(), d.getMinimumPayment())));
        add(problems, SettingField.BANK_FEE, SettingsRules.fee(d.getBankFeeKind(), d.getBankFeeValue())
                .or(() -> SettingsRules.feeWithinPayment(d.getBankFeeKind(), d.getBankFeeValue(), d.getMinimumPayment())));
        add(problems, SettingField.NSF_FEE, SettingsRules.nsfFee(d.getNsfFee()));
        add(problems, SettingField.REMITTANCE_ADDRESS, SettingsRules.remittanceAddress(d.getRemittanceAddress()));
        add(problems, SettingField.AUTOPAY_FREQUENCIES, SettingsRules.autopayFrequencies(d.isAutopayEnabled(), d.getAutopayFrequencies()));
        add(problems, SettingField.AUTOPAY_AMOUNT_TYPES, SettingsRules.autopayAmountTypes(d.isAutopayEnabled(), d.getAutopayAmountTypes()));
        add(problems, SettingField.AUTOPAY_MAX_ACTIVE, SettingsRules.autopayMaxActive(d.getAutopayMaxActive()));
        add(problems, SettingField.AUTOPAY_RUN_TIME, SettingsRules.time(d.getAutopayRunTime()));
        add(problems, SettingField.INSURANCE_WARN_DAYS, SettingsRules.insuranceWarnDays(d.getInsuranceWarnDays()));
        return problems;
    }

    private static void add(List<SettingsProblem> problems, SettingField field, Optional<String> message) {
        message.ifPresent(m -> problems.add(new SettingsProblem(field, m)));
    }

    /** The website record of a draft without problems; {@code logoVersion} as the draft's logo is stored. */
    static WebsiteSettings website(SettingsDraft d, String logoVersion) {
        return new WebsiteSettings(d.getLenderName().strip(), d.getSupportPhone().strip(), d.getSupportEmail().strip(),
                d.getPrimaryColor().strip().toLowerCase(java.util.Locale.ROOT), d.getCutoffTime(), d.getSummaryFields(),
                d.isTransactionsEnabled(), d.isShowForecast(), d.isShowBalanceChart(), d.isAllowTransactionDownload(),
                d.isDocumentsEnabled(), d.isInsuranceEnabled(), d.getInsuranceWarnDays(), ZoneId.of(d.getTimeZone().strip()),
                logoVersion);
    }

    static PaymentSettings payments(SettingsDraft d) {
        return new PaymentSettings(d.isPaymentsEnabled(), d.isProfilesEnabled(), d.isCardAllowed(), d.isBankAllowed(),
                d.getPaymentTypes(), d.getMinimumPayment(), d.getMaximumPayment(), d.getMaxDaysAhead(),
                new FeeRule(d.getCardFeeKind(), d.getCardFeeValue()), new FeeRule(d.getBankFeeKind(), d.getBankFeeValue()),
                d.getNsfFee(), d.getRemittanceAddress() == null ? "" : d.getRemittanceAddress().strip());
    }

    static AutoPaySettings autopay(SettingsDraft d) {
        return new AutoPaySettings(d.isAutopayEnabled(), d.isAutopayCustomerCreate(), d.isAutopayCustomerEdit(),
                d.isAutopayCustomerCancel(), d.getAutopayFrequencies(), d.getAutopayAmountTypes(), d.getAutopayMaxActive(),
                d.getAutopayRunTime());
    }

    /**
     * Every field's value in the lender's words, so two drafts differ in a field exactly when its words do (5 and
     * 5.00 are one amount). The logo is worded by the first digits of its SHA-256, {@code logoSha256}.
     */
    static Map<SettingField, String> words(SettingsDraft d, String logoSha256) {
        Map<SettingField, String> w = new EnumMap<>(SettingField.class);
        w.put(SettingField.LENDER_NAME, text(d.getLenderName()));
        w.put(SettingField.SUPPORT_PHONE, text(d.getSupportPhone()));
        w.put(SettingField.SUPPORT_EMAIL, text(d.getSupportEmail()));
        w.put(SettingField.PRIMARY_COLOR, d.getPrimaryColor() == null ? NONE : text(d.getPrimaryColor()).toLowerCase(java.util.Locale.ROOT));
        w.put(SettingField.LOGO, logoSha256 == null ? NONE : LogoFile.version(logoSha256));
        w.put(SettingField.TIME_ZONE, text(d.getTimeZone()));
        w.put(SettingField.CUTOFF_TIME, time(d.getCutoffTime()));
        w.put(SettingField.PAYMENTS_SECTION, onOff(d.isPaymentsEnabled()));
        w.put(SettingField.AUTOPAY_SECTION, onOff(d.isAutopayEnabled()));
        w.put(SettingField.PROFILES_SECTION, onOff(d.isProfilesEnabled()));
        w.put(SettingField.INSURANCE_SECTION, onOff(d.isInsuranceEnabled()));
        w.put(SettingField.DOCUMENTS_SECTION, onOff(d.isDocumentsEnabled()));
        w.put(SettingField.TRANSACTIONS_SECTION, onOff(d.isTransactionsEnabled()));
        w.put(SettingField.SUMMARY_FIELDS, d.getSummaryFields().isEmpty() ? NONE
                : d.getSummaryFields().stream().map(f -> f == null ? "?" : f.label()).collect(Collectors.joining(", ")));
        w.put(SettingField.CARD_PAYMENTS, onOff(d.isCardAllowed()));
        w.put(SettingField.BANK_PAYMENTS, onOff(d.isBankAllowed()));
        w.put(SettingField.PAYMENT_TYPES, labels(d.getPaymentTypes(), PaymentType.values(), PaymentType::label));
        w.put(SettingField.MINIMUM_PAYMENT, money(d.getMinimumPayment()));
        w.put(SettingField.MAXIMUM_PAYMENT, money(d.getMaximumPayment()));
        w.put(SettingField.MAX_DAYS_AHEAD, days(d.getMaxDaysAhead()));
        w.put(SettingField.CARD_FEE, fee(d.getCardFeeKind(), d.getCardFeeValue()));
        w.put(SettingField.BANK_FEE, fee(d.getBankFeeKind(), d.getBankFeeValue()));
        w.put(SettingField.NSF_FEE, money(d.getNsfFee()));
        w.put(SettingField.REMITTANCE_ADDRESS, d.getRemittanceAddress() == null || d.getRemittanceAddress().isBlank() ? NONE
                : d.getRemittanceAddress().strip().lines().map(String::strip).collect(Collectors.joining(", ")));
        w.put(SettingField.AUTOPAY_CUSTOMER_CREATE, onOff(d.isAutopayCustomerCreate()));
        w.put(SettingField.AUTOPAY_CUSTOMER_EDIT, onOff(d.isAutopayCustomerEdit()));
        w.put(SettingField.AUTOPAY_CUSTOMER_CANCEL, onOff(d.isAutopayCustomerCancel()));
        w.put(SettingField.AUTOPAY_FREQUENCIES, labels(d.getAutopayFrequencies(), AutoPayFrequency.values(), AutoPayFrequency::label));
        w.put(SettingField.AUTOPAY_AMOUNT_TYPES, labels(d.getAutopayAmountTypes(), AutoPayAmountType.values(), AutoPayAmountType::label));
        w.put(SettingField.AUTOPAY_MAX_ACTIVE, d.getAutopayMaxActive() == null ? NONE : String.valueOf(d.getAutopayMaxActive()));
        w.put(SettingField.AUTOPAY_RUN_TIME, time(d.getAutopayRunTime()));
        w.put(SettingField.SHOW_FORECAST, onOff(d.isShowForecast()));
        w.put(SettingField.SHOW_BALANCE_CHART, onOff(d.isShowBalanceChart()));
        w.put(SettingField.ALLOW_DOWNLOADS, onOff(d.isAllowTransactionDownload()));
        w.put(SettingField.INSURANCE_WARN_DAYS, days(d.getInsuranceWarnDays()));
        return w;
    }

    /**
     * The fields whose words differ, in the editor's order. The logo's "after" says what happens to it: "replaced
     * (1a2b3c4d5e6f)" or "removed".
     */
    static List<SettingChange> diff(Map<SettingField, String> before, Map<SettingField, String> after) {
        List<SettingChange> changes = new ArrayList<>();
        for (SettingField field : SettingField.values()) {
            String was = before.getOrDefault(field, NONE);
            String now = after.getOrDefault(field, NONE);
            if (was.equals(now)) {
                continue;
            }
            if (field == SettingField.LOGO) {
                now = NONE.equals(now) ? "removed" : (NONE.equals(was) ? "added (" + now + ")" : "replaced (" + now + ")");
            }
            changes.add(new SettingChange(field, was, now));
        }
        return changes;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value.strip();
    }

    private static String onOff(boolean on) {
        return on ? "On" : "Off";
    }

    private static String time(LocalTime time) {
        return time == null ? NONE : TIME.format(time);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? NONE : SettingsRules.dollars(amount);
    }

    private static String days(Integer days) {
        return days == null ? NONE : days == 1 ? "1 day" : days + " days";
    }

    private static String fee(FeeRule.Kind kind, BigDecimal value) {
        if (kind == null) {
            return NONE;
        }
        return switch (kind) {
            case NONE -> "No fee";
            case FLAT -> money(value == null ? BigDecimal.ZERO : value);
            case PERCENT -> (value == null ? BigDecimal.ZERO : value).stripTrailingZeros().toPlainString() + "%";
        };
    }

    /** A set in the enum's order, whatever order it was built in. */
    private static <E extends Enum<E>> String labels(Collection<E> chosen, E[] all, java.util.function.Function<E, String> label) {
        List<String> names = new ArrayList<>();
        for (E value : all) {
            if (chosen != null && chosen.contains(value)) {
                names.add(label.apply(value));
            }
        }
        return names.isEmpty() ? NONE : String.join(", ", names);
    }
}
