package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where a customer lands when no loan of theirs is open to the website: each loan's web access is off, or their
 * own is (decision 025). It says so and how to reach the lender, instead of an empty account list. A customer
 * with a loan to show is sent to the account list.
 */
@Route(value = "no-web-access", layout = CustomerLayout.class)
@PageTitle("Online access")
@RolesAllowed(Role.CUSTOMER)
class NoWebAccessView extends Div implements BeforeEnterObserver {

    static final String ROUTE = "no-web-access";

    private final AccountService accounts;

    NoWebAccessView(AccountService accounts, SettingsService settings) {
        this.accounts = accounts;
        addClassName("no-web-access");
        WebsiteSettings website = settings.current();
        H1 heading = new H1("Your loans are not available online");
        Paragraph what = new Paragraph(website.lenderName() + " has switched off online access to your loan account, "
                + "so you cannot see it or make payments on this website right now.");
        what.setId("no-web-access-text");
        Paragraph how = new Paragraph("To make a payment, or to ask about your account, contact us:");
        Anchor phone = new Anchor("tel:" + website.supportPhone().replaceAll("[^0-9+]", ""), website.supportPhone());
        phone.setId("no-web-access-phone");
        Anchor email = new Anchor("mailto:" + website.supportEmail(), website.supportEmail());
        email.setId("no-web-access-email");
        Div contact = new Div(new Paragraph(new Span("Phone: "), phone),
                new Paragraph(new Span("Email: "), email));
        contact.addClassName("no-web-access-contact");
        add(heading, what, how, contact);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.myAccounts().isEmpty()) {
            event.forwardTo(AccountsView.class);
        }
    }
}
