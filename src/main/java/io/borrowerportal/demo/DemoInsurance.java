package io.borrowerportal.demo;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.insurance.InsuranceReviews;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.insurance.PolicyDetails;
import io.borrowerportal.insurance.PolicyVersionSummary;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.SystemTask;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The demo's insurance: Jane submits the policy on the Honda (AUTO-100482) and staff verify it. It ends 20
 * days after the business date, inside the lender's 30 warning days, so the Summary shows the "ending soon"
 * alert. Done through the services, as Jane and a staff member would.
 * <p>
 * Alex gets a car loan (AUTO-100517, three months old, paid on time) with no policy on file, so his Summary shows
 * "insurance needed": the rest of the demo gives him only personal loans, which carry no insurance.
 */
@Component
class DemoInsurance {

    static final String JANES_AUTO_LOAN = "AUTO-100482";
    static final int DAYS_LEFT = 20;
    static final String ALEXS_CAR_LOAN = "AUTO-100517";

    private final InsuranceService insurance;
    private final InsuranceReviews reviews;
    private final CustomerService customers;
    private final LoanServicing servicing;
    private final DemoSignIn signIn;
    private final Clock clock;

    DemoInsurance(InsuranceService insurance, InsuranceReviews reviews, CustomerService customers,
                  LoanServicing servicing, DemoSignIn signIn, Clock clock) {
        this.insurance = insurance;
        this.reviews = reviews;
        this.customers = customers;
        this.servicing = servicing;
        this.signIn = signIn;
        this.clock = clock;
    }

    void load() {
        janesVerifiedPolicy();
        alexsCarLoanWithoutInsurance();
    }

    private void janesVerifiedPolicy() {
        LocalDate end = LocalDate.now(clock).plusDays(DAYS_LEFT);
        PolicyDetails policy = new PolicyDetails("Keystone Mutual Insurance", "Jane Borrower", "Dana Agent",
                "KM-AUTO-448210", "(555) 010-2200", new BigDecimal("500.00"), end.minusYears(1), end);
        PolicyVersionSummary submitted = signIn.call("jane.borrower@example.com",
                () -> insurance.submit(JANES_AUTO_LOAN, policy, null));
        signIn.run("staff@example.com", () -> reviews.verify(submitted.id()));
    }

    private void alexsCarLoanWithoutInsurance() {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.minusMonths(3).withDayOfMonth(15);
        SystemTask.run(() -> {
            long alex = customers.idOf("alex.latepay@example.com").orElseThrow();
            LoanTerms terms = new LoanTerms(new BigDecimal("16800.00"), new BigDecimal("7.4900"), 60, start,
                    start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
            servicing.openAccount(new OpenAccountCommand(ALEXS_CAR_LOAN, "AUTO", terms, "2019 Toyota Corolla", null));
            servicing.link(ALEXS_CAR_LOAN, alex, LinkRole.BORROWER);
            BigDecimal payment = LoanEngine.levelPayment(terms);
            LoanEngine.schedule(terms).stream().map(Installment::dueDate).filter(due -> due.isBefore(today))
                    .forEach(due -> servicing.postPayment(ALEXS_CAR_LOAN, due, payment, PaymentKind.REGULAR, "Payment"));
        });
    }
}
