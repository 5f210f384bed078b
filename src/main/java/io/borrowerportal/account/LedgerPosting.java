package io.borrowerportal.account;

import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The payment feature's door to the ledger. Every method runs inside the caller's transaction and
 * first locks the account row, so two payments on one account at the same moment are applied one after
 * the other, each against the ledger the other left. A customer reaches only accounts linked to them
 * with web access on (anything else is "not found"); nobody posts while previewing a customer.
 */
@Service
@PreAuthorize("isAuthenticated() and !hasRole('PREVIEW')")
@Transactional(propagation = Propagation.MANDATORY)
public class LedgerPosting {

    /** A locked account with its figures as of the date asked for. */
    public record LockedAccount(long accountId, String loanNumber, String title, LoanFigures figures) {
    }

    /**
     * What a payment posted: its ledger entry, its convenience fee entry (if any), its split and the amount
     * applied (less than asked only when {@link #postPaymentUpToPayoff} met a smaller payoff).
     */
    public record PostedPayment(long entryId, Long feeEntryId, Allocation split, BigDecimal applied) {
    }

    private final LoanAccountRepository accounts;
    private final AccountLinkRepository links;
    private final Ledger ledger;
    private final CurrentUser currentUser;

    LedgerPosting(LoanAccountRepository accounts, AccountLinkRepository links, Ledger ledger, CurrentUser currentUser) {
        this.accounts = accounts;
        this.links = links;
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    public LockedAccount lock(String loanNumber, LocalDate asOf) {
        LoanAccount account = locked(loanNumber);
        LoanFigures figures = LoanEngine.figures(account.terms(), ledger.entries(account), asOf);
        return new LockedAccount(account.id(), account.loanNumber(), account.title(), figures);
    }

    public PostedPayment postPayment(String loanNumber, LocalDate applyDate, BigDecimal amount, PaymentKind kind,
                                     BigDecimal convenienceFee, String description) {
        LoanAccount account = locked(loanNumber);
        return post(account, ledger.postPayment(account, applyDate, amount, kind, description), applyDate,
                convenienceFee, description);
    }

    /**
     * For money already received (an approved card charge): applies it, but never more than the payoff as
     * of the apply date (nor, principal-only, than the principal); the caller sees the applied amount and
     * deals with any excess.
     *
     * @return null when the loan owes nothing any more: nothing was posted
     */
    public PostedPayment postPaymentUpToPayoff(String loanNumber, LocalDate applyDate, BigDecimal amount,
                                               PaymentKind kind, BigDecimal convenienceFee, String description) {
        LoanAccount account = locked(loanNumber);
        List<LedgerEntry> entries = ledger.entries(account);
        BigDecimal owed = kind == PaymentKind.PRINCIPAL_ONLY
                ? LoanEngine.figures(account.terms(), entries, applyDate).principalBalance()
                : LoanEngine.payoff(account.terms(), entries, applyDate);
        BigDecimal applied = amount.min(owed);
        if (applied.signum() <= 0) {
            return null;
        }
        return post(account, ledger.postPayment(account, entries, applyDate, applied, kind, description), applyDate,
                convenienceFee, description);
    }

    private PostedPayment post(LoanAccount account, LedgerEntry payment, LocalDate applyDate, BigDecimal convenienceFee,
                               String description) {
        Long feeEntryId = null;
        if (convenienceFee != null && convenienceFee.signum() > 0) {
            feeEntryId = ledger.postConvenienceFee(account, applyDate, convenienceFee,
                    "Convenience fee for " + description).id();
        }
        return new PostedPayment(payment.id(), feeEntryId,
                new Allocation(payment.fees(), payment.interest(), payment.principal()), payment.amount());
    }

    /** Reverses a payment and its convenience fee; returns the payment's reversal entry id. */
    public long reversePayment(String loanNumber, long entryId, Long feeEntryId, String reason) {
        LoanAccount account = locked(loanNumber);
        LedgerEntry reversal = ledger.reverse(account, entryId, reason);
        if (feeEntryId != null) {
            ledger.reverse(account, feeEntryId, reason);
        }
        return reversal.id();
    }

    public long chargeFee(String loanNumber, LocalDate date, BigDecimal amount, String description) {
        return ledger.postFee(locked(loanNumber), date, amount, description).id();
    }

    private LoanAccount locked(String loanNumber) {
        LoanAccount account = accounts.lockByLoanNumber(loanNumber)
                .orElseThrow(() -> new AccountNotFoundException(loanNumber));
        boolean customer = currentUser.actor().map(PortalUser::isCustomer).orElse(false);
        if (customer && (!account.webAccess()
                || !links.existsById(new AccountLink.Key(currentUser.customerId(), account.id())))) {
            throw new AccountNotFoundException(loanNumber);
        }
        return account;
    }
}
