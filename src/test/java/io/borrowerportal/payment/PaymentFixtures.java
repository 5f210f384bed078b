package io.borrowerportal.payment;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.paymentprofile.BankAccountKind;
import io.borrowerportal.paymentprofile.NewBankProfile;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.PaymentType;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh borrowers with fresh loans for payment (and AutoPay) tests, so tests that pay, pay off or return payments never
 * change the demo data other tests read. The tests share one database: every name and number is unique.
 */
public final class PaymentFixtures {

    public static final String ROUTING = "021000021";
    public static final String ACCOUNT = "123456789012";

    public record Borrower(long id, String email, String loanNumber) {
    }

    private PaymentFixtures() {
    }

    /**
     * A customer with a 24-month $6,000.00 personal loan opened 2026-10-25, its first installment
     * (due 2026-11-25) paid: current on 2026-12-10, next due 2026-12-25.
     */
    public static Borrower borrower(CustomerService customers, LoanServicing servicing, String tag) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = tag + "-" + unique + "@example.com";
        String loanNumber = "PT-" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        return SystemTask.call(() -> {
            long customer = customers.create(email, "Pat", "Payer " + unique, null, "test-password-1");
            LoanTerms terms = new LoanTerms(new BigDecimal("6000.00"), new BigDecimal("10.0000"), 24,
                    LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 25), PaymentFrequency.MONTHLY,
                    DayCount.ACTUAL_365);
            servicing.openAccount(new OpenAccountCommand(loanNumber, "PERSONAL", terms, null, null));
            servicing.link(loanNumber, customer, LinkRole.BORROWER);
            servicing.postPayment(loanNumber, LocalDate.of(2026, 11, 25), LoanEngine.levelPayment(terms),
                    PaymentKind.REGULAR, "Payment");
            return new Borrower(customer, email, loanNumber);
        });
    }

    public static NewCardProfile card(String number) {
        return new NewCardProfile(null, "Pat Payer", number, 12, 2030, "123", "19801", false);
    }

    public static NewBankProfile bank() {
        return bank(ACCOUNT);
    }

    public static NewBankProfile bank(String accountNumber) {
        return new NewBankProfile(null, "Pat Payer", ROUTING, accountNumber, accountNumber, BankAccountKind.CHECKING, false);
    }

    /** A 12-digit account number no other test uses, for tests where a bank return reaches every profile on it. */
    public static String uniqueAccountNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    /**
     * A nickname no other test uses. Letters only: eight hex characters can all be digits, and a nickname holding a
     * long number is refused as a possible card or account number.
     */
    public static String nickname(String purpose) {
        StringBuilder tail = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            tail.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return purpose + " " + tail;
    }

    /** The form key in application-test.properties ({@code portal.payments.form-key}). */
    private static final PaymentFormKeys FORM_KEYS = new PaymentFormKeys(
            Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

    /**
     * A payment form key as {@link PaymentService#options} issues it to the customer signed in (or served in a
     * preview) on this thread; without one, a key issued to nobody.
     */
    public static String key() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        long customerId = signedIn != null && signedIn.getPrincipal() instanceof PortalUser user ? user.id() : -1;
        return FORM_KEYS.issue(customerId);
    }

    public static PaymentRequest custom(String loanNumber, String amount, long profileId) {
        return new PaymentRequest(loanNumber, PaymentType.CUSTOM, new BigDecimal(amount), profileId, null, key());
    }
}
