package io.borrowerportal.autopay;

import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Emails about AutoPay: scheduled, changed, cancelled, the reminder before each payment, and a payment that
 * could not be made. They go through the outbox in the change's transaction, so a change that rolls back
 * sends nothing. Receipts, declines and bank returns of the payments themselves come from the payment
 * feature, which knows these payments were made by AutoPay.
 */
@Component
class AutoPayNotices {

    private final Mailer mailer;
    private final CustomerService customers;
    private final CurrentUser currentUser;
    private final SettingsService settings;

    AutoPayNotices(Mailer mailer, CustomerService customers, CurrentUser currentUser, SettingsService settings) {
        this.mailer = mailer;
        this.customers = customers;
        this.currentUser = currentUser;
        this.settings = settings;
    }

    void scheduled(AutoPay autopay) {
        send(autopay, "AutoPay scheduled: " + autopay.reference(),
                "Your AutoPay on loan " + autopay.loanNumber() + " is set up.\n\n" + details(autopay)
                        + "\nYou accepted this authorization:\n" + autopay.authorizationText() + "\n");
    }

    void changed(AutoPay autopay, String what) {
        send(autopay, "AutoPay changed: " + autopay.reference(),
                "Your AutoPay on loan " + autopay.loanNumber() + " was changed: " + what + "\n\n" + details(autopay));
    }

    void cancelled(AutoPay autopay) {
        send(autopay, "AutoPay cancelled: " + autopay.reference(),
                "Your AutoPay on loan " + autopay.loanNumber() + " is cancelled. No more payments will be made by it.\n"
                        + "Payments it already made are not affected.\n\n" + details(autopay));
    }

    void ended(AutoPay autopay) {
        send(autopay, "AutoPay finished: " + autopay.reference(),
                "Your AutoPay on loan " + autopay.loanNumber() + " has finished. " + autopay.statusReason() + "\n\n"
                        + details(autopay));
    }

    void suspended(AutoPay autopay) {
        send(autopay, "AutoPay suspended: " + autopay.reference(),
                "Your AutoPay on loan " + autopay.loanNumber() + " is suspended and makes no payments.\n"
                        + autopay.statusReason() + "\n"
                        + "To start it again, edit it on the AutoPay tab and choose another payment method.\n\n"
                        + details(autopay));
    }

    void notPaid(AutoPay autopay, String dueDate, String reason) {
        send(autopay, "AutoPay payment not made: " + autopay.reference(),
                "Your AutoPay payment on loan " + autopay.loanNumber() + " due " + dueDate + " was not made.\n"
                        + reason + "\n\n" + details(autopay));
    }

    /** @param estimate what the payment will be with today's figures, or null when nothing would be due then */
    void reminder(AutoPay autopay, BigDecimal estimate, BigDecimal fee) {
        String day = Dates.day(autopay.nextProcessDate());
        String what = estimate == null
                ? "AutoPay is due to pay loan " + autopay.loanNumber() + " on " + day + " from " + autopay.methodLabel()
                + ". With the loan as it stands today nothing would be due then, so no payment would be made.\n"
                : "AutoPay will pay " + Money.format(estimate.add(fee)) + (fee.signum() > 0 ? " (including a "
                + Money.format(fee) + " convenience fee)" : "") + " on loan " + autopay.loanNumber() + " on " + day
                + " from " + autopay.methodLabel() + ".\n";
        send(autopay, "AutoPay reminder: payment on " + day, what
                + "To skip or change it, pause or edit the AutoPay on the AutoPay tab before then.\n\n"
                + details(autopay));
    }

    /**
     * The reminder while the loan's balance is under review (decision 035): the payment and its date, not an amount
     * from the balance the servicing system disagrees with.
     */
    void reminderUnderReview(AutoPay autopay) {
        String day = Dates.day(autopay.nextProcessDate());
        send(autopay, "AutoPay reminder: payment on " + day, "AutoPay is due to pay loan " + autopay.loanNumber()
                + " on " + day + " from " + autopay.methodLabel() + ": the " + autopay.amountType().label()
                .toLowerCase(java.util.Locale.ROOT) + " as the loan stands that day.\n"
                + BalanceReviews.notice(settings.current().supportPhone()) + "\n"
                + "To skip or change it, pause or edit the AutoPay on the AutoPay tab before then.\n\n"
                + details(autopay));
    }

    private String details(AutoPay autopay) {
        WebsiteSettings website = settings.current();
        return "AutoPay: " + autopay.reference() + "\n"
                + "Loan: " + autopay.loanNumber() + "\n"
                + "Method: " + autopay.methodLabel() + "\n"
                + "Schedule: " + AutoPayWording.schedule(autopay.frequency(), autopay.startDate(),
                autopay.lastDayOfMonth(), autopay.numberOfPayments()) + "\n"
                + "Amount: " + AutoPayWording.capitalized(AutoPayWording.amount(autopay.amountType(), autopay.fixedAmount(), null)) + "\n"
                + (autopay.nextProcessDate() == null ? "" : "Next payment: " + Dates.day(autopay.nextProcessDate()) + "\n")
                + "Status: " + autopay.status().label() + "\n\n"
                + website.emailSignOff();
    }

    private void send(AutoPay autopay, String subject, String body) {
        recipient(autopay.customerId()).ifPresent(to ->
                mailer.send(new OutgoingEmail(to, subject, body, autopay.customerId())));
    }

    private Optional<String> recipient(long customerId) {
        Optional<PortalUser> served = currentUser.servedCustomer().filter(c -> c.id() == customerId);
        if (served.isPresent()) {
            return served.map(PortalUser::email);
        }
        // The AutoPay run and bank returns write to the customer through the customer directory.
        return customers.contact(customerId).map(CustomerSummary::email);
    }
}
