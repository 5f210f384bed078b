package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;

/**
 * One tab of an account's dashboard. Loads the account once per visit through the customer's links;
 * an account the customer may not see, or a tab the lender switched off, gets the not-found page.
 */
public abstract class AccountTabView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accountService;
    private final SettingsService settingsService;
    private final AccountPage.Tab tab;
    private String title;

    protected AccountTabView(AccountService accountService, SettingsService settingsService, AccountPage.Tab tab) {
        this.accountService = accountService;
        this.settingsService = settingsService;
        this.tab = tab;
        this.title = tab.label;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        WebsiteSettings settings = settingsService.current();
        String loanNumber = event.getRouteParameters().get(AccountNavigation.LOAN_NUMBER).orElse("");
        if (!tab.isOffered(settingsService)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        AccountDetail detail;
        try {
            detail = accountService.detail(loanNumber);
        } catch (AccountNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (!tab.isOffered(settingsService, detail.info())) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        title = tab.label + " · " + detail.info().title();
        removeAll();
        add(AccountPage.header(detail.summary(), settingsService, tab));
        render(detail, settings);
    }

    /** Adds the tab's content below the account header. */
    protected abstract void render(AccountDetail detail, WebsiteSettings settings);

    protected AccountService accountService() {
        return accountService;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
