package io.borrowerportal.autopay.ui;

import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.autopay.AutoPayQueries;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

/**
 * The AutoPay views' tests sign in as a fresh borrower with a fresh loan (the demo loans allow one AutoPay
 * each, and other tests use them), and put the lender's AutoPay settings back afterwards.
 */
abstract class AutoPayUiSupport extends ViewTest {

    static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    @Autowired
    AutoPayService autopays;
    @Autowired
    AutoPayReviews reviews;
    @Autowired
    AutoPayQueries queries;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    SettingsService settings;

    private AutoPaySettings before;

    @BeforeEach
    void rememberSettings() {
        before = settings.autopay();
    }

    @AfterEach
    void restoreSettings() {
        asAdmin(() -> settings.updateAutopay(before));
    }

    record Borrower(String email, String loan, long bank) {
        String page(String tab) {
            return "accounts/" + loan + "/" + tab;
        }
    }

    /** A fresh borrower with a loan due on Christmas Day and a checking account, signed in. */
    Borrower borrower(String tag) {
        PaymentFixtures.Borrower b = PaymentFixtures.borrower(customers, servicing, tag);
        SignIn.as(users, b.email());
        long bank = profiles.addBank(PaymentFixtures.bank(PaymentFixtures.uniqueAccountNumber())).id();
        return new Borrower(b.email(), b.loanNumber(), bank);
    }

    AutoPaySummary schedule(Borrower b, AutoPayTerms terms) {
        return autopays.schedule(b.loan(), terms, reviews.review(b.loan(), null, terms).authorizationText(),
                "203.0.113.7");
    }
}
