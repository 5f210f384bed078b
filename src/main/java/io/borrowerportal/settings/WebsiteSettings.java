package io.borrowerportal.settings;

import java.time.LocalTime;
import java.util.Set;

/**
 * What the lender configured for the customer website, as every feature reads it. The Documents and
 * Insurance sections are switched here; Insurance also needs a collateralized loan.
 */
public record WebsiteSettings(String lenderName, String supportPhone, String supportEmail, String primaryColor,
                              LocalTime cutoffTime, Set<SummaryField> summaryFields,
                              boolean transactionsEnabled, boolean showForecast, boolean showBalanceChart,
                              boolean allowTransactionDownload, boolean documentsEnabled,
                              boolean insuranceEnabled, int insuranceWarnDays) {

    /** The most days before a policy ends that the lender may start warning. */
    public static final int MAX_INSURANCE_WARN_DAYS = 180;

    public WebsiteSettings {
        summaryFields = Set.copyOf(summaryFields);
        if (insuranceWarnDays < 0 || insuranceWarnDays > MAX_INSURANCE_WARN_DAYS) {
            throw new IllegalArgumentException("Warn between 0 and " + MAX_INSURANCE_WARN_DAYS + " days before coverage ends");
        }
    }

    /** How every email to a customer ends: where to ask, and who writes. */
    public String emailSignOff() {
        return "Questions? Call " + supportPhone + " or write to " + supportEmail + ".\n" + lenderName;
    }

    public WebsiteSettings withCutoffTime(LocalTime time) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, time, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                insuranceEnabled, insuranceWarnDays);
    }

    public WebsiteSettings withDocuments(boolean enabled) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, enabled,
                insuranceEnabled, insuranceWarnDays);
    }

    public WebsiteSettings withInsurance(boolean enabled, int warnDays) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, cutoffTime, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload, documentsEnabled,
                enabled, warnDays);
    }

    public boolean shows(SummaryField field) {
        return summaryFields.contains(field);
    }
}
