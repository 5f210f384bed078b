package io.borrowerportal.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import io.borrowerportal.account.AccountInfo;
import io.borrowerportal.account.AccountSummary;
import io.borrowerportal.base.ui.StatusBadge;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;

/**
 * The frame of an account's pages: title, loan number, status and the tab navigation. A tab appears
 * only for a section the lender allows; its route refuses otherwise.
 */
public final class AccountPage {

    /** The dashboard's tabs, in order. {@code path} follows "accounts/{loanNumber}/". */
    public enum Tab {
        SUMMARY("Summary", "summary"),
        PAYMENTS("Payments", "payments"),
        AUTOPAY("AutoPay", "autopay"),
        PROFILES("Payment Profiles", "profiles"),
        INSURANCE("Insurance", "insurance"),
        DOCUMENTS("Documents", "documents"),
        TRANSACTIONS("Transactions", "transactions");

        final String label;
        final String path;

        Tab(String label, String path) {
            this.label = label;
            this.path = path;
        }

        public String label() {
            return label;
        }

        /**
         * Whether the lender offers this section to customers at all. Insurance also needs a collateralized
         * loan: see {@link #isOffered(SettingsService, AccountInfo)}.
         */
        public boolean isOffered(SettingsService settings) {
            return switch (this) {
                case SUMMARY -> true;
                case PAYMENTS -> settings.payments().enabled();
                case AUTOPAY -> settings.payments().enabled() && settings.autopay().enabled();
                case PROFILES -> settings.payments().profilesEnabled();
                case INSURANCE -> settings.current().insuranceEnabled();
                case DOCUMENTS -> settings.current().documentsEnabled();
                case TRANSACTIONS -> settings.current().transactionsEnabled();
            };
        }

        /** Whether this section applies to this account: offered by the lender, and Insurance only on collateral. */
        public boolean isOffered(SettingsService settings, AccountInfo account) {
            return isOffered(settings) && (this != INSURANCE || account.collateralized());
        }
    }

    private AccountPage() {
    }

    /**
     * Title, loan number, status, "Make a Payment" (when the lender takes payments and something is owed)
     * and the tabs the lender offers.
     */
    public static Component header(AccountSummary account, SettingsService settings, Tab current) {
        PaymentSettings payments = settings.payments();
        Div header = new Div();
        header.addClassName("account-header");
        Div titleRow = new Div();
        titleRow.addClassName("account-title-row");
        H1 title = new H1(account.info().title());
        titleRow.add(title);
        // "Past due" or "Paid off" judges the balance: not shown while it is under review (decision 035).
        if (!account.info().balanceUnderReview()) {
            titleRow.add(new StatusBadge(account.figures().status()));
        }
        Span number = new Span("Loan " + account.loanNumber());
        number.addClassName("account-number");

        Nav tabs = new Nav();
        tabs.addClassName("account-tabs");
        tabs.getElement().setAttribute("aria-label", "Account sections");
        for (Tab tab : Tab.values()) {
            if (tab.isOffered(settings, account.info())) {
                tabs.add(tab(tab, account.loanNumber(), current));
            }
        }
        header.add(titleRow, number);
        if (payments.enabled() && account.figures().status() != LoanStatus.PAID_OFF) {
            Anchor pay = new Anchor(AccountNavigation.makePayment(account.loanNumber()), "Make a Payment");
            pay.getElement().setAttribute("router-link", true);
            pay.addClassName("make-payment");
            pay.setId("make-payment");
            header.add(pay);
        }
        header.add(tabs);
        return header;
    }

    private static Anchor tab(Tab tab, String loanNumber, Tab current) {
        Anchor link = new Anchor(AccountNavigation.tab(loanNumber, tab.path), tab.label);
        link.getElement().setAttribute("router-link", true);
        link.addClassName("account-tab");
        link.setId("tab-" + tab.name().toLowerCase(java.util.Locale.ROOT));
        if (tab == current) {
            link.getElement().setAttribute("aria-current", "page");
            link.addClassName("active");
        }
        return link;
    }
}
