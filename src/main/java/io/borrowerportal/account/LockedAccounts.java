package io.borrowerportal.account;

import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.PaymentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import io.borrowerportal.ledger.Allocation;

/**
 * Accounts locked in the caller's transaction by {@link LedgerPosting#lockAll}, with their ledgers as read
 * under the locks. Postings through it append to those ledgers, so a second payment on the same account in the
 * same transaction sees the first, and nothing is read twice. Valid only inside that transaction.
 */
public final class LockedAccounts {

    private record Held(LoanAccount account, List<LedgerEntry> entries) {
    }

    private final Map<String, Held> byLoanNumber;
    private final Ledger ledger;

    LockedAccounts(Map<String, Held> byLoanNumber, Ledger ledger) {
        this.byLoanNumber = byLoanNumber;
        this.ledger = ledger;
    }

    static LockedAccounts of(List<LoanAccount> accounts, Map<Long, List<LedgerEntry>> ledgers, Ledger ledger) {
        Map<String, Held> held = new HashMap<>();
        for (LoanAccount account : accounts) {
            held.put(account.loanNumber(), new Held(account, new ArrayList<>(ledgers.getOrDefault(account.id(), List.of()))));
        }
        return new LockedAccounts(held, ledger);
    }

    /** The ids of the accounts locked. */
    public List<Long> accountIds() {
        return byLoanNumber.values().stream().map(held -> held.account().id()).toList();
    }

    /** The account with its figures as of {@code asOf}, or empty when it was not found (or not visible). */
    public Optional<LedgerPosting.LockedAccount> get(String loanNumber, LocalDate asOf) {
        Held held = byLoanNumber.get(loanNumber);
        if (held == null) {
            return Optional.empty();
        }
        LoanFigures figures = LoanEngine.figures(held.account().terms(), held.entries(), asOf);
        return Optional.of(new LedgerPosting.LockedAccount(held.account().id(), held.account().loanNumber(),
                held.account().title(), figures));
    }

    /**
     * Posts a payment (and its convenience fee) on one of the locked accounts, split by the ledger's waterfall.
     * The reference (the payment's confirmation number) stays on the entry, so the servicing system's echo of
     * this payment is matched to it and never posted a second time (decision 030).
     */
    public LedgerPosting.PostedPayment postPayment(String loanNumber, LocalDate applyDate, BigDecimal amount,
                                                   PaymentKind kind, BigDecimal convenienceFee, String description,
                                                   String reference) {
        return post(held(loanNumber), applyDate, amount, kind, convenienceFee, description, reference);
    }

    /** As {@link #postPayment}, but never more than is owed; null when nothing is. */
    public LedgerPosting.PostedPayment postPaymentUpToPayoff(String loanNumber, LocalDate applyDate, BigDecimal amount,
                                                             PaymentKind kind, BigDecimal convenienceFee,
                                                             String description, String reference) {
        Held held = held(loanNumber);
        BigDecimal owed = kind == PaymentKind.PRINCIPAL_ONLY
                ? LoanEngine.figures(held.account().terms(), held.entries(), applyDate).principalBalance()
                : LoanEngine.payoff(held.account().terms(), held.entries(), applyDate);
        BigDecimal applied = amount.min(owed);
        return applied.signum() <= 0 ? null : post(held, applyDate, applied, kind, convenienceFee, description, reference);
    }

    private Held held(String loanNumber) {
        Held held = byLoanNumber.get(loanNumber);
        if (held == null) {
            throw new AccountNotFoundException(loanNumber);
        }
        return held;
    }

    private LedgerPosting.PostedPayment post(Held held, LocalDate applyDate, BigDecimal amount, PaymentKind kind,
                                             BigDecimal convenienceFee, String description, String reference) {
        LedgerEntry payment = ledger.postPayment(held.account(), held.entries(), applyDate, amount, kind, description,
                reference);
        held.entries().add(payment);
        Long feeEntryId = null;
        if (convenienceFee != null && convenienceFee.signum() > 0) {
            LedgerEntry fee = ledger.postConvenienceFee(held.account(), applyDate, convenienceFee,
                    "Convenience fee for " + description);
            held.entries().add(fee);
            feeEntryId = fee.id();
        }
        return new LedgerPosting.PostedPayment(payment.id(), feeEntryId,
                new Allocation(payment.fees(), payment.interest(), payment.principal()),
                payment.amount());
    }
}
