package io.borrowerportal.account;

import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SystemTask;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lender's side of accounts: booking loans, linking customers and posting to ledgers. Posting
 * locks the account row first, so two postings on one account at once apply one after the other
 * and neither computes its split from a stale ledger.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SYSTEM') and !hasRole('PREVIEW')")
@Transactional
public class LoanServicing {

    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    private final LoanProductRepository products;
    private final LoanAccountRepository accounts;
    private final AccountLinkRepository links;
    private final PostedEntryRepository ledger;
    private final CurrentUser currentUser;
    private final Clock clock;

    LoanServicing(LoanProductRepository products, LoanAccountRepository accounts, AccountLinkRepository links,
                  PostedEntryRepository ledger, CurrentUser currentUser, Clock clock) {
        this.products = products;
        this.accounts = accounts;
        this.links = links;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void createProduct(String code, String name, BigDecimal defaultRate, int defaultTerm,
                              PaymentFrequency frequency, DayCount dayCount, boolean collateralized) {
        products.save(new LoanProduct(code, name, defaultRate, defaultTerm, frequency, dayCount, collateralized));
    }

    /** Books the loan and posts its disbursement on the start date. */
    public String openAccount(OpenAccountCommand command) {
        LoanNumber number = LoanNumber.parse(command.loanNumber())
                .orElseThrow(() -> new IllegalArgumentException("Loan number must be 4-20 letters, digits or dashes"));
        if (accounts.existsByLoanNumber(number.value())) {
            throw new IllegalArgumentException("Loan number " + number + " is already in use");
        }
        LoanProduct product = products.findByCode(command.productCode())
                .orElseThrow(() -> new IllegalArgumentException("Unknown product " + command.productCode()));
        if (command.terms().dayCount() != product.dayCount() || command.terms().frequency() != product.paymentFrequency()) {
            throw new IllegalArgumentException("A " + product.name() + " accrues " + product.dayCount()
                    + " with " + product.paymentFrequency() + " payments; the terms must match the product");
        }
        if (command.collateralVin() != null && !VIN.matcher(command.collateralVin()).matches()) {
            throw new IllegalArgumentException("A VIN has 17 letters and digits, without I, O or Q");
        }
        LoanAccount account = accounts.save(new LoanAccount(number.value(), product, command.terms(),
                command.collateralDescription(), command.collateralVin(), clock.instant()));
        BigDecimal principal = command.terms().principal();
        ledger.save(new PostedEntry(account.id(), EntryType.DISBURSEMENT, command.terms().startDate(), principal,
                Money.ZERO, Money.ZERO, null, "Loan disbursement", clock.instant(), actor()));
        return account.loanNumber();
    }

    public void link(String loanNumber, long customerId, LinkRole role) {
        LoanAccount account = lock(loanNumber);
        links.save(new AccountLink(customerId, account.id(), role));
    }

    public void setWebAccess(String loanNumber, boolean on) {
        lock(loanNumber).changeWebAccess(on);
    }

    /** Posts a payment split by the waterfall as of its apply date. */
    public LedgerEntry postPayment(String loanNumber, LocalDate applyDate, BigDecimal amount, PaymentKind kind,
                                   String description) {
        LoanAccount account = lock(loanNumber);
        List<LedgerEntry> entries = entries(account);
        Allocation split = LoanEngine.allocate(account.terms(), entries, applyDate, amount, kind);
        EntryType type = kind == PaymentKind.PRINCIPAL_ONLY ? EntryType.PRINCIPAL_PAYMENT : EntryType.PAYMENT;
        return post(account, type, applyDate, split.principal(), split.interest(), split.fees(), null, description);
    }

    public LedgerEntry postFee(String loanNumber, LocalDate date, BigDecimal amount, String description) {
        BigDecimal fee = Money.requireCents(amount);
        if (fee.signum() <= 0) {
            throw new IllegalArgumentException("A fee must be positive");
        }
        return post(lock(loanNumber), EntryType.FEE, date, Money.ZERO, Money.ZERO, fee, null, description);
    }

    /** Undoes an entry with its exact opposite, dated like the original; the original stays. */
    public LedgerEntry reverse(String loanNumber, long entryId, String reason) {
        LoanAccount account = lock(loanNumber);
        LedgerEntry original = entries(account).stream().filter(e -> e.id() == entryId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No entry " + entryId + " on loan " + loanNumber));
        if (original.type() == EntryType.REVERSAL) {
            throw new IllegalArgumentException("A reversal cannot itself be reversed; post an adjustment");
        }
        if (ledger.existsByReversesId(original.id())) {
            throw new IllegalArgumentException("Entry " + entryId + " is already reversed");
        }
        return post(account, EntryType.REVERSAL, original.effectiveDate(), original.principal().negate(),
                original.interest().negate(), original.fees().negate(), original.id(),
                "Reversal of " + original.description() + ": " + reason);
    }

    @Transactional(readOnly = true)
    public LoanTerms terms(String loanNumber) {
        return find(loanNumber).terms();
    }

    /** The loan's figures as of any date, for servicing work such as a payoff. */
    @Transactional(readOnly = true)
    public LoanFigures figures(String loanNumber, LocalDate asOf) {
        LoanAccount account = find(loanNumber);
        return LoanEngine.figures(account.terms(), entries(account), asOf);
    }

    private LoanAccount find(String loanNumber) {
        return accounts.findByLoanNumber(loanNumber).orElseThrow(() -> new IllegalArgumentException("No loan " + loanNumber));
    }

    private LedgerEntry post(LoanAccount account, EntryType type, LocalDate date, BigDecimal principal,
                             BigDecimal interest, BigDecimal fees, Long reversesId, String description) {
        PostedEntry entry = ledger.save(new PostedEntry(account.id(), type, date, principal, interest, fees,
                reversesId, description, clock.instant(), actor()));
        return entry.toLedgerEntry();
    }

    private List<LedgerEntry> entries(LoanAccount account) {
        return ledger.findLedger(account.id()).stream().map(PostedEntry::toLedgerEntry).toList();
    }

    private LoanAccount lock(String loanNumber) {
        return accounts.lockByLoanNumber(loanNumber)
                .orElseThrow(() -> new IllegalArgumentException("No loan " + loanNumber));
    }

    private String actor() {
        return currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
    }
}
