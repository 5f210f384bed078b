package io.borrowerportal.settings;

import java.time.LocalTime;
import java.util.Set;

/** What the lender configured for the customer website, as every feature reads it. */
public record WebsiteSettings(String lenderName, String supportPhone, String supportEmail, String primaryColor,
                              LocalTime cutoffTime, Set<SummaryField> summaryFields,
                              boolean transactionsEnabled, boolean showForecast, boolean showBalanceChart,
                              boolean allowTransactionDownload) {

    public WebsiteSettings {
        summaryFields = Set.copyOf(summaryFields);
    }

    public WebsiteSettings withCutoffTime(LocalTime time) {
        return new WebsiteSettings(lenderName, supportPhone, supportEmail, primaryColor, time, summaryFields,
                transactionsEnabled, showForecast, showBalanceChart, allowTransactionDownload);
    }

    public boolean shows(SummaryField field) {
        return summaryFields.contains(field);
    }
}
