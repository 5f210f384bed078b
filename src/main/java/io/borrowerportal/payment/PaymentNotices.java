package io.borrowerportal.payment;

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
 * Emails about payments: receipt, scheduled, failed and returned. They go through the outbox inside the
 * payment's transaction, so a payment that rolls back sends nothing. They name the method by its masked
 * label only.
 */
@Component
class PaymentNotices {


    private final Mailer mailer;
    private final CustomerService customers;
    private final CurrentUser currentUser;
    private final SettingsService settings;

    PaymentNotices(Mailer mailer, CustomerService customers, CurrentUser currentUser, SettingsService settings) {
        this.mailer = mailer;
        this.customers = customers;
        this.currentUser = currentUser;
        this.settings = settings;
    }

    /** @param knownEmail the payer's address when the caller has it already, else null (it is looked up) */
    void submitted(Payment payment, String knownEmail) {
        if (payment.status() == PaymentStatus.SCHEDULED) {
            send(payment, knownEmail, "Payment scheduled: " + payment.confirmationNumber(),
                    "Your payment of " + Money.format(payment.total()) + " on loan " + payment.loanNumber()
                            + " is scheduled for " + Dates.LONG.format(payment.processDate()) + ".\n"
                            + "You can cancel it on the Payments tab until then.\n\n" + details(payment));
        } else {
            send(payment, knownEmail, "Payment received: " + payment.confirmationNumber(),
                    "We received your " + (payment.madeBy() == null ? "bank payment" : payment.standingKind() + " bank payment")
                            + " of " + Money.format(payment.total()) + " on loan "
                            + payment.loanNumber() + ". It is applied to your loan and settles in about 2 business days.\n\n"
                            + details(payment));
        }
    }

    void completed(Payment payment) {
        send(payment, "Payment receipt: " + payment.confirmationNumber(),
                "Thank you. " + yourPayment(payment) + " of " + Money.format(payment.total()) + " on loan "
                        + payment.loanNumber() + " is complete.\n\n" + details(payment));
    }

    void failed(Payment payment) {
        send(payment, "Payment not made: " + payment.confirmationNumber(),
                yourPayment(payment) + " of " + Money.format(payment.total()) + " on loan " + payment.loanNumber()
                        + " was not made.\n" + payment.statusReason() + "\n"
                        + (payment.madeBy() == null ? "" : payment.standingKind() + " stays on; make this payment another way if it is due.\n")
                        + "\n" + details(payment));
    }

    void returned(Payment payment, BigDecimal nsfFee) {
        send(payment, "Payment returned by your bank: " + payment.confirmationNumber(),
                "Your bank returned your " + (payment.madeBy() == null ? "payment" : payment.standingKind() + " payment")
                        + " of " + Money.format(payment.total()) + " on loan "
                        + payment.loanNumber() + ".\n" + payment.statusReason() + "\n"
                        + "The payment was reversed on your loan"
                        + (nsfFee.signum() > 0 ? " and a returned payment fee of " + Money.format(nsfFee) + " was charged" : "")
                        + ". Please make the payment again with another method.\n\n" + details(payment));
    }

    private static String yourPayment(Payment payment) {
        return payment.madeBy() == null ? "Your payment" : "Your " + payment.standingKind() + " payment";
    }

    private String details(Payment payment) {
        WebsiteSettings website = settings.current();
        return "Confirmation number: " + payment.confirmationNumber() + "\n"
                + (payment.madeBy() == null ? "" : payment.standingKind() + ": " + payment.standingReference() + "\n")
                + "Loan: " + payment.loanNumber() + "\n"
                + "Method: " + payment.methodLabel() + "\n"
                + "Amount: " + Money.format(payment.amount()) + "\n"
                + (payment.convenienceFee().signum() > 0 ? "Convenience fee: " + Money.format(payment.convenienceFee()) + "\n" : "")
                + "Total: " + Money.format(payment.total()) + "\n"
                + "Process date: " + Dates.LONG.format(payment.processDate()) + "\n\n"
                + website.emailSignOff();
    }

    private void send(Payment payment, String subject, String body) {
        send(payment, null, subject, body);
    }

    private void send(Payment payment, String knownEmail, String subject, String body) {
        Optional<String> to = knownEmail != null ? Optional.of(knownEmail) : recipient(payment.customerId());
        to.ifPresent(address -> mailer.send(new OutgoingEmail(address, subject, body, payment.customerId())));
    }

    private Optional<String> recipient(long customerId) {
        Optional<PortalUser> served = currentUser.servedCustomer().filter(c -> c.id() == customerId);
        if (served.isPresent()) {
            return served.map(PortalUser::email);
        }
        // Staff (returns) and jobs (scheduled payments) write to the payer through the customer directory.
        return customers.contact(customerId).map(CustomerSummary::email);
    }
}
