package io.borrowerportal.account.ui;

import com.vaadin.flow.component.Component;
import io.borrowerportal.account.AccountDetail;

import java.util.List;

/**
 * What another feature adds to an account's Summary, as a Spring bean: the payment feature adds the payoff
 * quote letter, AutoPay its "AutoPay is on" alert, insurance its coverage alerts. Each adds actions, alerts or
 * both. The account pages stay unaware of the features that extend them.
 */
public interface SummaryExtension {

    /** Components for this account's Summary, below its fields; empty for none. */
    default List<Component> summaryActions(AccountDetail detail) {
        return List.of();
    }

    /** Alerts for the top of this account's Summary, after its own (past due, paid off); empty for none. */
    default List<Component> summaryAlerts(AccountDetail detail) {
        return List.of();
    }
}
