package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.AccountSummary;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.StatusBadge;
import io.borrowerportal.customer.AccountsLayout;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** Every account the customer may see, as cards or a list; each is a real link to its dashboard. */
@Route(value = "accounts", layout = CustomerLayout.class)
@PageTitle("My accounts")
@RolesAllowed(Role.CUSTOMER)
class AccountsView extends Div implements BeforeEnterObserver {

    private final Div accountsList = new Div();
    private final AccountService accountService;
    private final SettingsService settings;
    private final RadioButtonGroup<AccountsLayout> layout = new RadioButtonGroup<>("Show as");
    private List<AccountSummary> accounts = List.of();

    AccountsView(AccountService accountService, CustomerService customerService, SettingsService settings) {
        this.accountService = accountService;
        this.settings = settings;
        addClassName("accounts-view");

        Div heading = new Div();
        heading.addClassName("page-heading");
        heading.add(new H1("My accounts"));
        layout.setItems(AccountsLayout.values());
        layout.setItemLabelGenerator(l -> l == AccountsLayout.CARDS ? "Cards" : "List");
        layout.setValue(customerService.accountsLayout());
        layout.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                try {
                    customerService.changeAccountsLayout(change.getValue());
                } finally {
                    // Show the choice either way; a refused save (staff preview) just is not remembered.
                    render(change.getValue());
                }
            }
        });
        layout.setId("accounts-layout");
        heading.add(layout);
        add(heading);

        accountsList.setId("accounts");
        add(accountsList);
    }

    /**
     * Read on every entry (the view stays when it is entered again): with no loan open to the website (each
     * loan's web access is off, or the customer's own), the page that says so instead.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        accounts = accountService.myAccounts();
        if (accounts.isEmpty()) {
            event.forwardTo(NoWebAccessView.class);
            return;
        }
        render(layout.getValue());
    }

    private void render(AccountsLayout layout) {
        accountsList.removeAll();
        accountsList.setClassName(layout == AccountsLayout.CARDS ? "account-cards" : "account-list");
        String phone = settings.current().supportPhone();
        accounts.forEach(account -> accountsList.add(card(account, phone)));
    }

    private static Anchor card(AccountSummary account, String supportPhone) {
        LoanFigures figures = account.figures();
        Anchor link = new Anchor(AccountNavigation.dashboard(account.loanNumber()));
        link.addClassName("account-card");
        link.getElement().setAttribute("aria-label", account.info().title() + ", loan " + account.loanNumber()
                + ", " + (account.info().balanceUnderReview() ? "balance being updated" : StatusBadge.label(figures.status())));

        Div top = new Div();
        top.addClassName("account-card-top");
        H2 title = new H2(account.info().title());
        top.add(title);
        if (!account.info().balanceUnderReview()) {
            top.add(new StatusBadge(figures.status()));
        }
        Span number = new Span("Loan " + account.loanNumber());
        number.addClassName("account-card-number");

        if (account.info().balanceUnderReview()) {
            // No balance figure while it differs from the servicing system's (decision 032).
            BalanceReviewNotice notice = new BalanceReviewNotice(supportPhone);
            notice.setId("balance-review-" + account.loanNumber());
            link.add(top, number, notice);
            return link;
        }
        Div figuresRow = new Div();
        figuresRow.addClassName("account-card-figures");
        figuresRow.add(new Figure("Current balance", Formats.money(figures.principalBalance())));
        if (figures.status() != LoanStatus.PAID_OFF) {
            figuresRow.add(new Figure("Amount due", Formats.money(figures.amountDue())),
                    new Figure("Next due date", Formats.date(figures.nextDueDate())));
        }
        link.add(top, number, figuresRow);
        if (figures.status() == LoanStatus.PAST_DUE) {
            Span pastDue = new Span(figures.daysPastDue() + " days past due: " + Formats.money(figures.pastDueAmount()));
            pastDue.addClassName("account-card-alert");
            link.add(pastDue);
        }
        return link;
    }
}
