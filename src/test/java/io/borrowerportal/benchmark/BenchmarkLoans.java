package io.borrowerportal.benchmark;

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
