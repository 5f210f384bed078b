package io.borrowerportal.autopay.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.SummaryExtension;
import io.borrowerportal.autopay.AutoPayQueries;
import io.borrowerportal.autopay.AutoPayStatus;
import io.borrowerportal.autopay.AutoPayAlert;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.settings.SettingsService;

import java.util.ArrayList;
import java.util.List;

/**
 * The Summary's AutoPay alerts: "AutoPay is on" with its next payment, and a suspended AutoPay that needs the
 * customer (a bank returned a payment, a card expired).
 */
@org.springframework.stereotype.Component
class AutoPayOnSummary implements SummaryExtension {

    private final AutoPayQueries autopays;
    private final SettingsService settings;

    AutoPayOnSummary(AutoPayQueries autopays, SettingsService settings) {
        this.autopays = autopays;
        this.settings = settings;
    }

    @Override
    public List<Component> summaryAlerts(AccountDetail detail) {
        if (!settings.autopay().enabled() || !settings.payments().enabled()) {
            return List.of();
        }
        String loanNumber = detail.info().loanNumber();
        List<Component> alerts = new ArrayList<>();
        for (AutoPayAlert a : autopays.alerts(loanNumber)) {
            if (a.status() == AutoPayStatus.ACTIVE && a.nextProcessDate() != null) {
                alerts.add(alert("alert-info", "autopay-active-alert", "AutoPay is on"
                        + (a.mine() ? "" : " (set up by your co-borrower)") + ": next payment "
                        + Formats.date(a.nextProcessDate()) + " with " + a.method() + ". ", loanNumber));
            } else if (a.status() == AutoPayStatus.SUSPENDED && a.mine()) {
                alerts.add(alert("alert-error", "autopay-suspended-alert", "AutoPay " + a.reference()
                        + " is suspended and makes no payments. " + a.statusReason() + " ", loanNumber));
            }
        }
        return alerts;
    }

    private static Div alert(String kind, String id, String text, String loanNumber) {
        Div alert = new Div();
        alert.addClassNames("alert", kind);
        alert.setId(id);
        Anchor view = new Anchor(AccountNavigation.tab(loanNumber, "autopay"), "View AutoPay");
        view.getElement().setAttribute("router-link", true);
        alert.add(new Span(text), view);
        return alert;
    }
}
