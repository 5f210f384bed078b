package io.borrowerportal.settings;

/**
 * One setting as the lender thinks of it: the unit a problem is reported on, a change is shown and audited
 * by. A fee is one field (its kind and value together), the Summary fields one (which and in what order).
 */
public enum SettingField {
    LENDER_NAME(SettingsGroup.BRANDING, "Lender name"),
    SUPPORT_PHONE(SettingsGroup.BRANDING, "Support phone"),
    SUPPORT_EMAIL(SettingsGroup.BRANDING, "Support email"),
    PRIMARY_COLOR(SettingsGroup.BRANDING, "Primary colour"),
    LOGO(SettingsGroup.BRANDING, "Logo"),
    TIME_ZONE(SettingsGroup.BUSINESS, "Time zone"),
    CUTOFF_TIME(SettingsGroup.BUSINESS, "Payment cut-off time"),
    PAYMENTS_SECTION(SettingsGroup.SECTIONS, "Payments"),
    AUTOPAY_SECTION(SettingsGroup.SECTIONS, "AutoPay"),
    PROFILES_SECTION(SettingsGroup.SECTIONS, "Payment Profiles"),
    INSURANCE_SECTION(SettingsGroup.SECTIONS, "Insurance"),
    DOCUMENTS_SECTION(SettingsGroup.SECTIONS, "Documents"),
    TRANSACTIONS_SECTION(SettingsGroup.SECTIONS, "Transactions"),
    SUMMARY_FIELDS(SettingsGroup.SUMMARY, "Summary fields"),
    CARD_PAYMENTS(SettingsGroup.PAYMENTS, "Card payments"),
    BANK_PAYMENTS(SettingsGroup.PAYMENTS, "Bank account payments"),
    PAYMENT_TYPES(SettingsGroup.PAYMENTS, "Payment types"),
    MINIMUM_PAYMENT(SettingsGroup.PAYMENTS, "Minimum payment"),
    MAXIMUM_PAYMENT(SettingsGroup.PAYMENTS, "Maximum payment"),
    MAX_DAYS_AHEAD(SettingsGroup.PAYMENTS, "Days ahead a payment may be dated"),
    CARD_FEE(SettingsGroup.PAYMENTS, "Card convenience fee"),
    BANK_FEE(SettingsGroup.PAYMENTS, "Bank account convenience fee"),
    NSF_FEE(SettingsGroup.PAYMENTS, "NSF fee"),
    REMITTANCE_ADDRESS(SettingsGroup.PAYMENTS, "Remittance address"),
    AUTOPAY_CUSTOMER_CREATE(SettingsGroup.AUTOPAY, "Customers may schedule AutoPay"),
    AUTOPAY_CUSTOMER_EDIT(SettingsGroup.AUTOPAY, "Customers may change AutoPay"),
    AUTOPAY_CUSTOMER_CANCEL(SettingsGroup.AUTOPAY, "Customers may pause or cancel AutoPay"),
    AUTOPAY_FREQUENCIES(SettingsGroup.AUTOPAY, "AutoPay frequencies"),
    AUTOPAY_AMOUNT_TYPES(SettingsGroup.AUTOPAY, "AutoPay amount types"),
    AUTOPAY_MAX_ACTIVE(SettingsGroup.AUTOPAY, "AutoPays per loan"),
    AUTOPAY_RUN_TIME(SettingsGroup.AUTOPAY, "AutoPay run time"),
    SHOW_FORECAST(SettingsGroup.TRANSACTIONS, "Payment forecast"),
    SHOW_BALANCE_CHART(SettingsGroup.TRANSACTIONS, "Balance chart"),
    ALLOW_DOWNLOADS(SettingsGroup.TRANSACTIONS, "Downloads (CSV and PDF)"),
    INSURANCE_WARN_DAYS(SettingsGroup.INSURANCE, "Days before coverage ends to warn");

    private final SettingsGroup group;
    private final String label;

    SettingField(SettingsGroup group, String label) {
        this.group = group;
        this.label = label;
    }

    public SettingsGroup group() {
        return group;
    }

    public String label() {
        return label;
    }
}
