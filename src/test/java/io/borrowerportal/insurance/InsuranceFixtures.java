package io.borrowerportal.insurance;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh borrowers (a borrower and a co-borrower) on a fresh collateralized auto loan, so insurance tests never
 * change the demo's policies other tests read. The tests share one database: every name and number is unique.
 */
public final class InsuranceFixtures {

    public record Loan(String loanNumber, long borrowerId, String borrowerEmail, long coBorrowerId,
                       String coBorrowerEmail) {
    }

    private InsuranceFixtures() {
    }

    /** A 60-month auto loan on the demo's AUTO product, opened 2026-11-01 on a 2021 Ford pickup. */
    public static Loan collateralizedLoan(CustomerService customers, LoanServicing servicing, String tag) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String loanNumber = "IN-" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String borrower = tag + "-" + unique + "@example.com";
        String coBorrower = tag + "-co-" + unique + "@example.com";
        return SystemTask.call(() -> {
            long b = customers.create(borrower, "Ida", "Insured " + unique, null, "test-password-1");
            long c = customers.create(coBorrower, "Cole", "Insured " + unique, null, "test-password-1");
            LoanTerms terms = new LoanTerms(new BigDecimal("18000.00"), new BigDecimal("6.9900"), 60,
                    LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
            servicing.openAccount(new OpenAccountCommand(loanNumber, "AUTO", terms, "2021 Ford F-150", null));
            servicing.link(loanNumber, b, LinkRole.BORROWER);
            servicing.link(loanNumber, c, LinkRole.CO_BORROWER);
            return new Loan(loanNumber, b, borrower, c, coBorrower);
        });
    }

    /** A policy a test may submit on 2026-12-10 (the test business date): coverage for a year from December 1. */
    public static PolicyDetails policy(String policyNumber) {
        return policy(policyNumber, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 12, 1));
    }

    public static PolicyDetails policy(String policyNumber, LocalDate start, LocalDate end) {
        return new PolicyDetails("Keystone Mutual", "Ida Insured", "Dana Agent", policyNumber, "(555) 010-2200",
                new BigDecimal("500.00"), start, end);
    }
}
