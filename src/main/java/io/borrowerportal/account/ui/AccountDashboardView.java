package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** An account's address opens its Summary. */
@Route(value = "accounts/:loanNumber", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class AccountDashboardView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String loanNumber = event.getRouteParameters().get(AccountNavigation.LOAN_NUMBER).orElse("");
        event.forwardTo(SummaryView.class, AccountNavigation.parameters(loanNumber));
    }
}
