package io.borrowerportal.settings;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What the lender configured for the customer website, as every feature reads it. The Documents and
 * Insurance sections are switched here; Insurance also needs a collateralized loan.
 *
 * @param summaryFields the Summary fields shown, in the order shown
 * @param timeZone      the lender's time zone (the business clock follows it, decision 024); null only in a
 *                      record built with the older constructor, and then {@link SettingsService#update} keeps the
 *                      saved zone
 * @param logoVersion   the first hex digits of the logo's SHA-256, or null when the lender has no logo; the logo
 *                      is served at {@link #logoPath()}
 */
public record WebsiteSettings(String lenderName, String supportPhone, String supportEmail, String primaryColor,
                              LocalTime cutoffTime, List<SummaryField> summaryFields,
                              boolean transactionsEnabled, boolean showForecast, boolean showBalanceChart,
                              boolean allowTransactionDownload, boolean documentsEnabled,
                              boolean insuranceEnabled, int insuranceWarnDays, ZoneId timeZone, String logoVersion) {

    /** The most days before a policy ends that the lender may start warning. */
    public static final int MAX_INSURANCE_WARN_DAYS = 180;

    /** Where the lender's logo is served, anonymously (the sign-in page shows it too). */
    public static final String LOGO_PATH = "/branding/logo";

    public WebsiteSettings {
        SettingsRules.require(SettingsRules.summaryFields(summaryFields),
                SettingsRules.insuranceWarnDays(insuranceWarnDays));
        summaryFields = List.copyOf(summaryFields);
    }

    /**
     * The record as it was before the editor (issue #12): {@code summaryFields} in the order given when it is a
     * list, else in the enum's order; no time zone (the saved one is kept on update) and no logo.
     */
    public WebsiteSettings(String lenderName, String supportPhone, String supportEmail, String primaryColor,
                           LocalTime cutoffTime, Collection<SummaryField> summaryFields,
                           boolean transactionsEnabled, boolean showForecast, boolean showBalanceChart,
                           boolean allowTransactionDownload, boolean documentsEnabled,
                           boolean insuranceEnabled, int insuranceWarnDays) {
        this(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, ordered(summaryFields),
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                insuranceEnabled, insuranceWarnDays, null, null);
    }

    private static List<SummaryField> ordered(Collection<SummaryField> fields) {
        return fields instanceof List<SummaryField> list ? list
                : fields.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** How every email to a customer ends: where to ask, and who writes. */
    public String emailSignOff() {
        return "Questions? Call " + supportPhone + " or write to " + supportEmail + ".\n" + lenderName;
    }

    public WebsiteSettings withCutoffTime(LocalTime time) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, time, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                insuranceEnabled, insuranceWarnDays, timeZone, logoVersion);
    }

    public WebsiteSettings withDocuments(boolean enabled) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, enabled,
                insuranceEnabled, insuranceWarnDays, timeZone, logoVersion);
    }

    public WebsiteSettings withInsurance(boolean enabled, int warnDays) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                enabled, warnDays, timeZone, logoVersion);
    }

    public WebsiteSettings withSummaryFields(List<SummaryField> fields) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, fields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                insuranceEnabled, insuranceWarnDays, timeZone, logoVersion);
    }

    public boolean shows(SummaryField field) {
        return summaryFields.contains(field);
    }

    public boolean hasLogo() {
        return logoVersion != null;
    }

    /**
     * The logo's address relative to the application's root (pages resolve it against their base), with its version,
     * so a browser never shows a replaced logo from its cache; null without a logo.
     */
    public String logoPath() {
        return logoVersion == null ? null : LOGO_PATH.substring(1) + "?v=" + logoVersion;
    }
}
