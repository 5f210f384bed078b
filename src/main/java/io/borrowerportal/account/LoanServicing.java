package io.borrowerportal.account;

import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
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
    private final Ledger ledgerWriter;
    private final Clock clock;

    LoanServicing(LoanProductRepository products, LoanAccountRepository accounts, AccountLinkRepository links,
                  Ledger ledgerWriter, Clock clock) {
        this.products = products;
        this.accounts = accounts;
        this.links = links;
        this.ledgerWriter = ledgerWriter;
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
        ledgerWriter.post(account, EntryType.DISBURSEMENT, command.terms().startDate(), principal, Money.ZERO,
                Money.ZERO, null, "Loan disbursement");
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
        return ledgerWriter.postPayment(lock(loanNumber), applyDate, amount, kind, description);
    }

    public LedgerEntry postFee(String loanNumber, LocalDate date, BigDecimal amount, String description) {
        return ledgerWriter.postFee(lock(loanNumber), date, amount, description);
    }

    /** Undoes an entry with its exact opposite, dated like the original; the original stays. */
    public LedgerEntry reverse(String loanNumber, long entryId, String reason) {
        return ledgerWriter.reverse(lock(loanNumber), entryId, reason);
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

    private List<LedgerEntry> entries(LoanAccount account) {
        return ledgerWriter.entries(account);
    }

    private LoanAccount lock(String loanNumber) {
        return accounts.lockByLoanNumber(loanNumber)
                .orElseThrow(() -> new IllegalArgumentException("No loan " + loanNumber));
    }
}
