package io.borrowerportal.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import io.borrowerportal.account.AccountSummary;
import io.borrowerportal.base.ui.StatusBadge;
import io.borrowerportal.settings.WebsiteSettings;

/**
 * The frame of an account's pages: title, loan number, status and the tab navigation. A tab appears
 * only for a section the lender allows; its route refuses otherwise.
 */
final class AccountPage {

    enum Tab {
        SUMMARY("Summary", SummaryView.class),
        TRANSACTIONS("Transactions", TransactionsView.class);

        final String label;
        final Class<? extends Component> view;

        Tab(String label, Class<? extends Component> view) {
            this.label = label;
            this.view = view;
        }

        /** Whether the lender offers this section to customers. */
        boolean isOffered(WebsiteSettings settings) {
            return switch (this) {
                case SUMMARY -> true;
                case TRANSACTIONS -> settings.transactionsEnabled();
            };
        }
    }

    private AccountPage() {
    }

    static Component header(AccountSummary account, WebsiteSettings settings, Tab current) {
        Div header = new Div();
        header.addClassName("account-header");
        Div titleRow = new Div();
        titleRow.addClassName("account-title-row");
        H1 title = new H1(account.info().title());
        titleRow.add(title, new StatusBadge(account.figures().status()));
        Span number = new Span("Loan " + account.loanNumber());
        number.addClassName("account-number");

        Nav tabs = new Nav();
        tabs.addClassName("account-tabs");
        tabs.getElement().setAttribute("aria-label", "Account sections");
        for (Tab tab : Tab.values()) {
            if (tab.isOffered(settings)) {
                tabs.add(tab(tab, account.loanNumber(), current));
            }
        }
        header.add(titleRow, number, tabs);
        return header;
    }

    private static RouterLink tab(Tab tab, String loanNumber, Tab current) {
        RouterLink link = new RouterLink(tab.label, tab.view, AccountNavigation.parameters(loanNumber));
        link.addClassName("account-tab");
        link.setId("tab-" + tab.name().toLowerCase(java.util.Locale.ROOT));
        if (tab == current) {
            link.getElement().setAttribute("aria-current", "page");
            link.addClassName("active");
        }
        return link;
    }
}
