package io.borrowerportal.ledger;

import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds ledgers for tests: payments are split by the engine's own waterfall, as the service would. */
final class Loans {

    static final LoanTerms FIFTY_THOUSAND = terms("50000.00", "10", 360, "2026-01-01", "2026-02-01", DayCount.THIRTY_360);
    static final LoanTerms ONE_HUNDRED = terms("100.00", "9.4822", 6, "2026-01-15", "2026-02-15", DayCount.THIRTY_360);

    private final LoanTerms terms;
    private final List<LedgerEntry> entries = new ArrayList<>();
    private long nextId = 1;

    private Loans(LoanTerms terms) {
        this.terms = terms;
    }

    /** A ledger with the loan's principal disbursed on its start date. */
    static Loans disbursed(LoanTerms terms) {
        Loans loan = new Loans(terms);
        loan.add(disbursement(loan.nextId++, terms.startDate(), terms.principal()));
        return loan;
    }

    static LoanTerms terms(String principal, String rate, int n, String start, String firstDue, DayCount dayCount) {
        return new LoanTerms(new BigDecimal(principal), new BigDecimal(rate), n, LocalDate.parse(start),
                LocalDate.parse(firstDue), PaymentFrequency.MONTHLY, dayCount);
    }

    LoanTerms terms() {
        return terms;
    }

    List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    LedgerEntry pay(LocalDate date, BigDecimal amount) {
        return pay(date, amount, PaymentKind.REGULAR);
    }

    LedgerEntry pay(LocalDate date, BigDecimal amount, PaymentKind kind) {
        LedgerEntry entry = payment(terms, entries, nextId++, date, amount, kind);
        return add(entry);
    }

    LedgerEntry fee(LocalDate date, BigDecimal amount) {
        return add(fee(nextId++, date, amount));
    }

    LedgerEntry reverse(LedgerEntry original) {
        return add(reversalOf(original, nextId++));
    }

    /** Pays installments 1..count of the contract schedule on their due dates. */
    Loans payOnSchedule(int count) {
        List<Installment> schedule = LoanEngine.schedule(terms);
        for (int k = 0; k < count; k++) {
            pay(schedule.get(k).dueDate(), schedule.get(k).payment());
        }
        return this;
    }

    private LedgerEntry add(LedgerEntry entry) {
        entries.add(entry);
        return entry;
    }

    static LedgerEntry disbursement(long id, LocalDate date, BigDecimal amount) {
        BigDecimal cents = Money.requireCents(amount);
        return new LedgerEntry(id, EntryType.DISBURSEMENT, date, cents, cents, Money.ZERO, Money.ZERO, null,
                "Loan proceeds");
    }

    static LedgerEntry payment(LoanTerms terms, List<LedgerEntry> entries, long id, LocalDate date,
                               BigDecimal amount, PaymentKind kind) {
        Allocation split = LoanEngine.allocate(terms, entries, date, amount, kind);
        EntryType type = kind == PaymentKind.PRINCIPAL_ONLY ? EntryType.PRINCIPAL_PAYMENT : EntryType.PAYMENT;
        return new LedgerEntry(id, type, date, split.total(), split.principal(), split.interest(),
                split.fees(), null, "Payment");
    }

    static LedgerEntry fee(long id, LocalDate date, BigDecimal amount) {
        BigDecimal cents = Money.requireCents(amount);
        return new LedgerEntry(id, EntryType.FEE, date, cents, Money.ZERO, Money.ZERO, cents, null, "Late fee");
    }

    static LedgerEntry reversalOf(LedgerEntry original, long id) {
        return new LedgerEntry(id, EntryType.REVERSAL, original.effectiveDate(), original.amount().negate(),
                original.principal().negate(), original.interest().negate(), original.fees().negate(),
                original.id(), "Reversal of " + original.id());
    }

    static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
