package io.borrowerportal.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Stateless loan math over terms and a ledger. See the package documentation. */
public final class LoanEngine {

    private LoanEngine() {
    }

    /** Level payment A = P·r / (1 − (1+r)^−n), rounded half-up to the cent; r = annual rate / 12. */
    public static BigDecimal levelPayment(LoanTerms terms) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The contract schedule; the last installment absorbs the rounding and ends at 0.00. */
    public static List<Installment> schedule(LoanTerms terms) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every derived figure as of a business date. Entries may come in any order. */
    public static LoanFigures figures(LoanTerms terms, List<LedgerEntry> entries, LocalDate asOf) {
        throw new UnsupportedOperationException("TODO");
    }

    /** How a payment of {@code amount} applied on {@code applyDate} splits. Refuses more than the payoff. */
    public static Allocation allocate(LoanTerms terms, List<LedgerEntry> entries, LocalDate applyDate,
                                      BigDecimal amount, PaymentKind kind) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Future payments from the current balance, as of a business date; the last row ends at 0.00. */
    public static List<Installment> forecast(LoanTerms terms, List<LedgerEntry> entries, LocalDate asOf) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The ledger in posting order (effective date, then id) with the principal balance after each entry. */
    public static List<HistoryRow> history(LoanTerms terms, List<LedgerEntry> entries) {
        throw new UnsupportedOperationException("TODO");
    }
}
