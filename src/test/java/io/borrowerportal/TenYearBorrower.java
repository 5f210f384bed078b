package io.borrowerportal;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.SystemTask;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Test data beside the demo: a borrower with a 30-year home loan paid on time for ten years
 * (HL-300001, 120 payments through 2026-12-05) and a new one with a single payment (HL-300002), so
 * tests can compare the cost of a long and a short history on the same pages.
 */
public class TenYearBorrower implements ApplicationRunner {

    public static final String EMAIL = "ten.years@example.com";
    public static final String LONG_LOAN = "HL-300001";
    public static final String SHORT_LOAN = "HL-300002";

    private final CustomerService customers;
    private final LoanServicing servicing;

    TenYearBorrower(CustomerService customers, LoanServicing servicing) {
        this.customers = customers;
        this.servicing = servicing;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemTask.run(() -> {
            long customer = customers.create(EMAIL, "Tenley", "Years", null, "demo-password-1");
            servicing.defineProduct(new ProductDefinition("HOME", "Home loan", new BigDecimal("6.5000"), 360, PaymentFrequency.MONTHLY,
                    DayCount.THIRTY_360, false));
            open(customer, LONG_LOAN, LocalDate.of(2016, 12, 5), 120);
            open(customer, SHORT_LOAN, LocalDate.of(2026, 10, 5), 1);
        });
    }

    private void open(long customer, String loanNumber, LocalDate start, int payments) {
        LoanTerms terms = new LoanTerms(new BigDecimal("250000.00"), new BigDecimal("6.5000"), 360, start,
                start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
        servicing.openAccount(new OpenAccountCommand(loanNumber, "HOME", terms, null, null));
        servicing.link(loanNumber, customer, LinkRole.BORROWER);
        BigDecimal payment = LoanEngine.levelPayment(terms);
        LoanEngine.schedule(terms).stream().limit(payments).forEach(installment ->
                servicing.postPayment(loanNumber, installment.dueDate(), payment, PaymentKind.REGULAR, "Payment"));
    }
}
