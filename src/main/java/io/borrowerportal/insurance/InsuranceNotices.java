package io.borrowerportal.insurance;

import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Emails about a loan's insurance, to every customer on the loan (borrower and co-borrowers: the policy is the
 * loan's, not one person's). They go through the outbox in the caller's transaction, so a review or an alert
 * record that rolls back sends nothing. Staff and the daily job call these; never a customer request.
 */
@Component
class InsuranceNotices {

    private final Mailer mailer;
    private final AccountLookup accounts;
    private final CustomerService customers;
    private final SettingsService settings;

    InsuranceNotices(Mailer mailer, AccountLookup accounts, CustomerService customers, SettingsService settings) {
        this.mailer = mailer;
        this.accounts = accounts;
        this.customers = customers;
        this.settings = settings;
    }

    /** @return how many customers were written to */
    int rejected(PolicyVersion version, String reason) {
        return send(version.accountId(), "Insurance policy not accepted: loan " + version.loanNumber(),
                "The insurance policy submitted on loan " + version.loanNumber() + " (version "
                        + version.versionNumber() + ", policy " + version.details().policyNumber()
                        + ") was not accepted.\n\nReason: " + reason + "\n\n"
                        + "Please sign in and submit the policy again, corrected, on the Insurance tab.");
    }

    /** @return how many customers were written to */
    int alert(long accountId, InsuranceAlert alert) {
        String subject = switch (alert.kind()) {
            case EXPIRING -> "Insurance ending soon: loan ";
            case EXPIRED -> "Insurance ended: loan ";
            case MISSING -> "Insurance needed: loan ";
            case REJECTED -> "Insurance policy not accepted: loan ";
        };
        return send(accountId, subject + alert.loanNumber(), alert.message() + "\n\n"
                + "Sign in to the portal to see or update the policy we have on file.");
    }

    private int send(long accountId, String subject, String text) {
        WebsiteSettings website = settings.current();
        String body = text + "\n\n" + website.emailSignOff();
        Collection<CustomerSummary> recipients = customers.contacts(accounts.customerIds(accountId)).values();
        recipients.forEach(to -> mailer.send(new OutgoingEmail(to.email(), subject, body, to.id())));
        return recipients.size();
    }
}
