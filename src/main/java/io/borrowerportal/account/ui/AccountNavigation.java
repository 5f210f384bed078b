package io.borrowerportal.account.ui;

import com.vaadin.flow.router.RouteParameters;

/** Addresses of the account pages, in one place. */
public final class AccountNavigation {

    public static final String LOAN_NUMBER = "loanNumber";
    /** Make a Payment's query parameter that limits its method step to one channel: {@code card} or {@code bank}. */
    public static final String CHANNEL = "channel";
    public static final String CARD_CHANNEL = "card";
    public static final String BANK_CHANNEL = "bank";

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

    /** Make a Payment with cards only: the Payments tab's "Credit/Debit Card Payment". */
    public static String makeCardPayment(String loanNumber) {
        return makePayment(loanNumber) + "?" + CHANNEL + "=" + CARD_CHANNEL;
    }

    /** Make a Payment with bank accounts only: the Payments tab's "Bank Account Payment". */
    public static String makeBankPayment(String loanNumber) {
        return makePayment(loanNumber) + "?" + CHANNEL + "=" + BANK_CHANNEL;
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
