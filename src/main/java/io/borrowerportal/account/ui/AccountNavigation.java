package io.borrowerportal.account.ui;

import com.vaadin.flow.router.RouteParameters;

/** Addresses of the account pages, in one place. */
final class AccountNavigation {

    static final String LOAN_NUMBER = "loanNumber";

    private AccountNavigation() {
    }

    static RouteParameters parameters(String loanNumber) {
        return new RouteParameters(LOAN_NUMBER, loanNumber);
    }

    static String dashboard(String loanNumber) {
        return "accounts/" + loanNumber;
    }
}
