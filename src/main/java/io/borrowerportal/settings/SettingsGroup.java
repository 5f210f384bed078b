package io.borrowerportal.settings;

/** The groups of the customer website settings, in the order the settings editor shows them. */
public enum SettingsGroup {
    BRANDING("Branding and contact"),
    BUSINESS("Business"),
    SECTIONS("Sections"),
    SUMMARY("Summary fields"),
    PAYMENTS("Payments"),
    AUTOPAY("AutoPay"),
    TRANSACTIONS("Transactions"),
    DOCUMENTS("Documents"),
    INSURANCE("Insurance");

    private final String label;

    SettingsGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
