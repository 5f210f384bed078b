package io.borrowerportal.statement;

import io.borrowerportal.common.Money;
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
 * A ledger built in a test, split by the engine's own waterfall as the service would (the ledger tests' helper
 * {@code ledger.Loans} is package-private to them). Ids grow in posting order, as the database gives them.
 */
final class TestLedger {

    private final LoanTerms terms;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private long nextId = 1;

    private TestLedger(LoanTerms terms) {
        this.terms = terms;
    }

    static LoanTerms terms(String principal, String rate, int payments, String start, DayCount dayCount) {
        LocalDate startDate = LocalDate.parse(start);
        return new LoanTerms(new BigDecimal(principal), new BigDecimal(rate), payments, startDate,
                startDate.plusMonths(1), PaymentFrequency.MONTHLY, dayCount);
    }

    /** The principal disbursed on the start date. */
    static TestLedger disbursed(LoanTerms terms) {
        TestLedger ledger = new TestLedger(terms);
        BigDecimal principal = terms.principal();
        ledger.add(new LedgerEntry(ledger.nextId++, EntryType.DISBURSEMENT, terms.startDate(), principal, principal,
                Money.ZERO, Money.ZERO, null, "Loan disbursement"));
        return ledger;
    }

    LoanTerms terms() {
        return terms;
    }

    List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    long lastId() {
        return nextId - 1;
    }

    List<Installment> schedule() {
        return LoanEngine.schedule(terms);
    }

    LedgerEntry pay(LocalDate date, BigDecimal amount) {
        return pay(date, amount, PaymentKind.REGULAR);
    }

    LedgerEntry pay(LocalDate date, BigDecimal amount, PaymentKind kind) {
        Allocation split = LoanEngine.allocate(terms, entries, date, amount, kind);
        EntryType type = kind == PaymentKind.PRINCIPAL_ONLY ? EntryType.PRINCIPAL_PAYMENT : EntryType.PAYMENT;
        return add(new LedgerEntry(nextId++, type, date, split.total(), split.principal(), split.interest(),
                split.fees(), null, "Payment"));
    }

    /** Pays whatever pays the loan off on the date. */
    LedgerEntry payOff(LocalDate date) {
        return pay(date, LoanEngine.payoff(terms, entries, date));
    }

    LedgerEntry fee(LocalDate date, String amount) {
        BigDecimal fee = new BigDecimal(amount);
        return add(new LedgerEntry(nextId++, EntryType.FEE, date, fee, Money.ZERO, Money.ZERO, fee, null, "Late fee"));
    }

    /** The exact opposite of an entry, dated like it, as a returned payment is undone. */
    LedgerEntry reverse(LedgerEntry original) {
        return add(new LedgerEntry(nextId++, EntryType.REVERSAL, original.effectiveDate(), original.amount().negate(),
                original.principal().negate(), original.interest().negate(), original.fees().negate(), original.id(),
                "Reversal of " + original.description()));
    }

    /** Pays installments 1..count on their due dates. */
    TestLedger payOnSchedule(int count) {
        List<Installment> schedule = schedule();
        for (int k = 0; k < count; k++) {
            pay(schedule.get(k).dueDate(), schedule.get(k).payment());
        }
        return this;
    }

    private LedgerEntry add(LedgerEntry entry) {
        entries.add(entry);
        return entry;
    }
}
