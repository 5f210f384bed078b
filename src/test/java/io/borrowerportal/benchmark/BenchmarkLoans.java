package io.borrowerportal.benchmark;

import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Ledgers for the benchmark, split by the engine's own waterfall as the service would. The test
 * helper {@code ledger.Loans} does the same but is package-private, and widening a test helper for a
 * benchmark would blur what the tests rely on.
 */
public final class BenchmarkLoans {

    /** 50,000.00 at 10 % over 360 months, 30/360: the engine tests' long loan. */
    public static final LoanTerms THIRTY_YEARS = new LoanTerms(new BigDecimal("50000.00"), new BigDecimal("10"), 360,
            LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-01"), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);

    private BenchmarkLoans() {
    }

    /** The product of {@link #openHomeLoan}: a 30-year monthly home loan at 6.5 %, 30/360. */
    static void defineHomeProduct(LoanServicing servicing) {
        servicing.defineProduct(new ProductDefinition("HOME", "Home loan", new BigDecimal("6.5000"), 360,
                PaymentFrequency.MONTHLY, DayCount.THIRTY_360, false));
    }

    /**
     * Opens a 250,000.00 home loan that started on {@code start}, links the customer to it as its borrower, and posts its
     * first {@code paid} installments on their due dates through the service, as a lender's book has them. Needs the
     * system's rights and {@link #defineHomeProduct}; returns the loan number.
     */
    static String openHomeLoan(LoanServicing servicing, String number, long customerId, LocalDate start, int paid) {
        LoanTerms terms = new LoanTerms(new BigDecimal("250000.00"), new BigDecimal("6.5000"), 360, start,
                start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
        String loan = servicing.openAccount(new OpenAccountCommand(number, "HOME", terms, null, null));
        servicing.link(loan, customerId, LinkRole.BORROWER);
        for (Installment due : LoanEngine.schedule(terms).subList(0, paid)) {
            servicing.postPayment(loan, due.dueDate(), due.payment(), PaymentKind.REGULAR, "Payment");
        }
        return loan;
    }

    /** The disbursement and the first {@code count} installments paid in full on their due dates. */
    public static List<LedgerEntry> paidOnSchedule(LoanTerms terms, int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        long id = 1;
        BigDecimal principal = terms.principal();
        entries.add(new LedgerEntry(id++, EntryType.DISBURSEMENT, terms.startDate(), principal, principal,
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, "Loan proceeds"));
        List<Installment> schedule = LoanEngine.schedule(terms);
        for (int k = 0; k < count; k++) {
            Installment due = schedule.get(k);
            Allocation split = LoanEngine.allocate(terms, entries, due.dueDate(), due.payment(), PaymentKind.REGULAR);
            entries.add(new LedgerEntry(id++, EntryType.PAYMENT, due.dueDate(), split.total(), split.principal(),
                    split.interest(), split.fees(), null, "Payment"));
        }
        return List.copyOf(entries);
    }
}
