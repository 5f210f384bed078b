package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.Component;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.ui.SummaryExtension;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.settings.SettingsService;

import java.util.List;

/**
 * The Summary's insurance alerts (coverage ending soon, ended, missing, or the newest submission rejected) on a
 * collateralized loan that is not paid off, when the lender offers insurance tracking. An uncollateralized loan
 * costs no query.
 */
@org.springframework.stereotype.Component
class InsuranceOnSummary implements SummaryExtension {

    private final InsuranceService insurance;
    private final SettingsService settings;

    InsuranceOnSummary(InsuranceService insurance, SettingsService settings) {
        this.insurance = insurance;
        this.settings = settings;
    }

    @Override
    public List<Component> summaryAlerts(AccountDetail detail) {
        if (!detail.info().collateralized() || !settings.current().insuranceEnabled()) {
            return List.of();
        }
        return insurance.alerts(detail.info().loanNumber(), detail.figures().status()).stream()
                .<Component>map(alert -> InsuranceAlertBoxes.box(alert, true)).toList();
    }
}
