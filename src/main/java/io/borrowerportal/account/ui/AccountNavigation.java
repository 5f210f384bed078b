package io.borrowerportal.account.ui;

import com.vaadin.flow.router.RouteParameters;

/** Addresses of the account pages, in one place. */
public final class AccountNavigation {

    public static final String LOAN_NUMBER = "loanNumber";

    private AccountNavigation() {
    }

    public static RouteParameters parameters(String loanNumber) {
        return new RouteParameters(LOAN_NUMBER, loanNumber);
    }

    public static String dashboard(String loanNumber) {
        return "accounts/" + loanNumber;
    }

    /** A tab of the dashboard, by its path after the loan number ("summary", "payments", ...). */
    public static String tab(String loanNumber, String path) {
        return dashboard(loanNumber) + "/" + path;
    }

    public static String makePayment(String loanNumber) {
        return dashboard(loanNumber) + "/pay";
    }

    /** The "Schedule AutoPay" wizard, with a payment profile chosen already (or {@code profileId} null). */
    public static String scheduleAutoPay(String loanNumber, Long profileId) {
        return dashboard(loanNumber) + "/autopay/new" + (profileId == null ? "" : "?profile=" + profileId);
    }

    public static String editAutoPay(String loanNumber, String reference) {
        return dashboard(loanNumber) + "/autopay/" + reference + "/edit";
    }

    public static String payment(String loanNumber, String confirmationNumber) {
        return dashboard(loanNumber) + "/payments/" + confirmationNumber;
    }
}
