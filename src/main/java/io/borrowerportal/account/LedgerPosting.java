package io.borrowerportal.account;

import io.borrowerportal.customer.CustomerWebAccess;
import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The payment feature's door to the ledger (and AutoPay's, to lock an account it checks). Every method runs
 * inside the caller's transaction and first locks the account row, so two payments on one account at the
 * same moment are applied one after the other, each against the ledger the other left; payments post through
 * the {@link LockedAccounts} that {@link #lockAll} returns. A customer reaches only accounts linked to them
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
     * applied (less than asked only when {@link LockedAccounts#postPaymentUpToPayoff} met a smaller payoff).
     */
    public record PostedPayment(long entryId, Long feeEntryId, Allocation split, BigDecimal applied) {
    }

    private final LoanAccountRepository accounts;
    private final AccountLinkRepository links;
    private final Ledger ledger;
    private final CurrentUser currentUser;
    private final CustomerWebAccess customerWebAccess;

    LedgerPosting(LoanAccountRepository accounts, AccountLinkRepository links, Ledger ledger, CurrentUser currentUser,
                  CustomerWebAccess customerWebAccess) {
        this.accounts = accounts;
        this.customerWebAccess = customerWebAccess;
        this.links = links;
        this.ledger = ledger;
        this.currentUser = currentUser;
    }

    /**
     * Locks several accounts at once, in id order (so two callers locking overlapping sets never deadlock),
     * and reads their ledgers in one query. Loan numbers the caller may not reach are left out.
     */
    public LockedAccounts lockAll(Collection<String> loanNumbers) {
        List<Long> ids = loanNumbers.isEmpty() ? List.of() : accounts.idsOf(new TreeSet<>(loanNumbers));
        if (ids.isEmpty()) {
            return LockedAccounts.of(List.of(), Map.of(), ledger);
        }
        boolean customerOnTheWeb = !customer() || customerWebAccess.servedCustomerHasWebAccess();
        List<LoanAccount> locked = accounts.lockByIds(ids).stream()
                .filter(account -> customerOnTheWeb && reachable(account)).toList();
        Map<Long, List<LedgerEntry>> ledgers = ledger.entries(locked.stream().map(LoanAccount::id).toList());
        return LockedAccounts.of(locked, ledgers, ledger);
    }

    public LockedAccount lock(String loanNumber, LocalDate asOf) {
        LoanAccount account = locked(loanNumber);
        LoanFigures figures = LoanEngine.figures(account.terms(), ledger.entries(account), asOf);
        return new LockedAccount(account.id(), account.loanNumber(), account.title(), figures);
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
        if (!reachable(account) || customer() && !customerWebAccess.servedCustomerHasWebAccess()) {
            throw new AccountNotFoundException(loanNumber);
        }
        return account;
    }

    private boolean customer() {
        return currentUser.actor().map(PortalUser::isCustomer).orElse(false);
    }

    /**
     * A customer reaches only accounts linked to them with web access on (and their own web access on, which the
     * callers check once); staff and jobs reach every one.
     */
    private boolean reachable(LoanAccount account) {
        return !customer() || account.webAccess()
                && links.existsById(new AccountLink.Key(currentUser.customerId(), account.id()));
    }
}
