package io.borrowerportal.account;

import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.common.Money;
import io.borrowerportal.common.TransactionSynchronizations;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentKind;
import jakarta.persistence.EntityManager;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The lender's side of accounts: booking loans, linking customers and posting to ledgers. Posting
 * locks the account row first, so two postings on one account at once apply one after the other
 * and neither computes its split from a stale ledger.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class LoanServicing {

    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    /** What a VIN must look like, in the words shown wherever one is refused. */
    public static final String VIN_RULE = "A VIN has 17 letters and digits, without I, O or Q";

    private final LoanProductRepository products;
    private final LoanAccountRepository accounts;
    private final AccountLinkRepository links;
    private final Ledger ledgerWriter;
    private final EntityManager entityManager;
    private final Clock clock;

    LoanServicing(LoanProductRepository products, LoanAccountRepository accounts, AccountLinkRepository links,
                  Ledger ledgerWriter, EntityManager entityManager, Clock clock) {
        this.products = products;
        this.accounts = accounts;
        this.links = links;
        this.ledgerWriter = ledgerWriter;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Creates the product, or brings it to the definition; see {@link #defineProduct(ProductDefinition, Long)}. */
    public ProductDefined defineProduct(ProductDefinition definition) {
        return defineProduct(definition, null);
    }

    /**
     * Creates the product, or brings it to the definition (decision 034). Its name and defaults may always change;
     * they are for loans booked from now on, since a loan copies its rate and number of payments at booking. What
     * booked loans read from their product (payment frequency, day count, collateral) changes only while no loan is
     * booked on it; otherwise {@link ProductInUseException}, naming each such field. The product's row is locked
     * first, so no loan can be booked on it between the check and the change.
     *
     * @param expectedVersion the version an editor read ({@link LoanProductSummary#version()}), refused with an
     *                        {@link OptimisticLockingFailureException} when the product changed since or is gone; null
     *                        for the servicing system, whose definition is the record whatever the portal had
     */
    public ProductDefined defineProduct(ProductDefinition definition, Long expectedVersion) {
        LoanProduct product = products.lockByCode(definition.code()).orElse(null);
        if (expectedVersion != null && (product == null || product.version() != expectedVersion)) {
            throw new OptimisticLockingFailureException("Product " + definition.code() + " changed since it was read");
        }
        if (product == null) {
            products.save(new LoanProduct(definition));
            return new ProductDefined(definition.code(), true, List.of());
        }
        List<String> changed = product.differences(definition);
        List<String> fixed = changed.stream().filter(LoanProduct.READ_BY_LOANS::contains).toList();
        if (!fixed.isEmpty() && accounts.findFirstByProduct(product).isPresent()) {
            long loans = accounts.countByProduct(product);
            Map<String, String> problems = new LinkedHashMap<>();
            fixed.forEach(field -> problems.put(field, loans + (loans == 1 ? " loan is" : " loans are")
                    + " booked on " + definition.code() + " and compute" + (loans == 1 ? "s" : "")
                    + " every figure with it, so it stays " + product.fixedValue(field)
                    + "; define a product with a new code for loans on other terms."));
            throw new ProductInUseException(problems, loans);
        }
        if (!changed.isEmpty()) {
            product.apply(definition);
        }
        return new ProductDefined(definition.code(), false, changed);
    }

    /** Every product, by code, with how many loans are booked on each. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM','API_CLIENT')")
    @Transactional(readOnly = true)
    public List<LoanProductSummary> products() {
        Map<Long, Long> loans = new HashMap<>();
        products.countLoansByProduct().forEach(row -> loans.put((Long) row[0], (Long) row[1]));
        return products.findAllByOrderByCode().stream().map(p -> p.toSummary(loans.getOrDefault(p.id(), 0L))).toList();
    }

    /** Books the loan and posts its disbursement on the start date. */
    public String openAccount(OpenAccountCommand command) {
        return open(command).loanNumber();
    }

    /** The same, answering the new loan's account id (the servicing system keeps its own rows by it). */
    public long book(OpenAccountCommand command) {
        return open(command).id();
    }

    private LoanAccount open(OpenAccountCommand command) {
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
        if (!validVin(command.collateralVin())) {
            throw new IllegalArgumentException(VIN_RULE);
        }
        LoanAccount account = accounts.save(new LoanAccount(number.value(), product, command.terms(),
                command.collateralDescription(), command.collateralVin(), clock.instant()));
        BigDecimal principal = command.terms().principal();
        ledgerWriter.post(account, EntryType.DISBURSEMENT, command.terms().startDate(), principal, Money.ZERO,
                Money.ZERO, null, "Loan disbursement");
        return account;
    }

    /** Links the customer to the loan in this role; a customer linked already takes the role. */
    public void link(String loanNumber, long customerId, LinkRole role) {
        LoanAccount account = lock(loanNumber);
        links.findById(new AccountLink.Key(customerId, account.id())).ifPresentOrElse(link -> link.changeRole(role),
                () -> links.save(new AccountLink(customerId, account.id(), role)));
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

    /** Whether a collateral VIN, if any, is well formed; the one home of the rule. */
    public static boolean validVin(String vin) {
        return vin == null || VIN.matcher(vin).matches();
    }

    @Transactional(readOnly = true)
    public Optional<ProductTerms> product(String code) {
        return products.findByCode(code).map(p -> new ProductTerms(p.code(), p.paymentFrequency(), p.dayCount(),
                p.collateralized()));
    }

    @Transactional(readOnly = true)
    public Optional<BookedLoan> booked(String loanNumber) {
        return accounts.findByLoanNumber(loanNumber).map(LoanAccount::toBooked);
    }

    /**
     * Books a loan again on another product or other terms, while its ledger holds nothing but its disbursement:
     * the disbursement is reversed and a new one posted, so the ledger stays append-only. Refused once anything
     * else was posted (decision 030).
     */
    public void rebook(String loanNumber, String productCode, LoanTerms terms, String by) {
        LoanAccount account = lock(loanNumber);
        LoanProduct product = products.findByCode(productCode)
                .orElseThrow(() -> new IllegalArgumentException("Unknown product " + productCode));
        List<LedgerEntry> ledger = entries(account);
        if (hasActivity(ledger)) {
            throw new IllegalStateException("Loan " + loanNumber + " has ledger activity; its terms stay as booked");
        }
        for (LedgerEntry entry : ledger) {
            boolean reversed = ledger.stream().anyMatch(e -> Long.valueOf(entry.id()).equals(e.reversesId()));
            if (entry.type() == EntryType.DISBURSEMENT && !reversed) {
                ledgerWriter.reverse(account, entry.id(), "loan booked again on new terms", by);
            }
        }
        account.rebook(product, terms);
        ledgerWriter.postAsSent(account, EntryType.DISBURSEMENT, terms.startDate(), terms.principal(), Money.ZERO,
                Money.ZERO, "Loan disbursement", null, by);
    }

    /** Whether anything but the disbursement (and its reversals when the loan was booked again) was posted. */
    public static boolean hasActivity(List<LedgerEntry> ledger) {
        return ledger.stream().anyMatch(e -> e.type() != EntryType.DISBURSEMENT && !(e.type() == EntryType.REVERSAL
                && ledger.stream().anyMatch(o -> o.type() == EntryType.DISBURSEMENT && e.reversesId() != null
                && e.reversesId() == o.id())));
    }

    public void changeCollateral(String loanNumber, String description, String vin) {
        if (!validVin(vin)) {
            throw new IllegalArgumentException(VIN_RULE);
        }
        lock(loanNumber).changeCollateral(description, vin);
    }

    /** Web access set by a named sender, with its reason kept as staff's is (decision 025). */
    public boolean switchWebAccess(String loanNumber, boolean on, String reason, String by) {
        return lock(loanNumber).switchWebAccess(on, reason, clock.instant(), by);
    }

    /**
     * Makes the loan's customers exactly these, with these roles: links not named are removed. Answers the borrowers
     * as they were (equal to these when nothing changed), or empty when there is no such loan.
     */
    public Optional<Map<Long, LinkRole>> replaceBorrowers(String loanNumber, Map<Long, LinkRole> borrowers) {
        LoanAccount account = tryLock(loanNumber).orElse(null);
        if (account == null) {
            return Optional.empty();
        }
        List<AccountLink> current = links.findByAccountId(account.id());
        Map<Long, LinkRole> before = new TreeMap<>();
        current.forEach(link -> before.put(link.customerId(), link.role()));
        if (before.equals(borrowers)) {
            return Optional.of(before);
        }
        for (AccountLink link : current) {
            LinkRole role = borrowers.get(link.customerId());
            if (role == null) {
                links.delete(link);
            } else if (role != link.role()) {
                link.changeRole(role);
            }
        }
        Set<Long> kept = current.stream().map(AccountLink::customerId).collect(Collectors.toSet());
        borrowers.forEach((customerId, role) -> {
            if (!kept.contains(customerId)) {
                links.save(new AccountLink(customerId, account.id(), role));
            }
        });
        return Optional.of(before);
    }

    /** Locks the loan's row and reads its terms and ledger, for a caller that checks before it posts. */
    public Optional<LockedLedger> lockLedger(String loanNumber) {
        return tryLock(loanNumber).map(a -> new LockedLedger(a.id(), a.loanNumber(), a.terms(), entries(a)));
    }

    /**
     * Posts entries whose split the sender decided (reversals by ledger entry id), in order, on a loan the caller
     * locked and checked with {@link #lockLedger} in this transaction; returns them as posted. The ledger is not read
     * again: the lock kept it as the caller read it, plus what the caller posted since ({@link LockedLedger#plus}).
     */
    public List<LedgerEntry> postAsSent(LockedLedger ledger, List<SentEntry> sent, String by) {
        if (!LockedRows.in(this).containsKey(ledger.loanNumber())) {
            throw new IllegalStateException("Loan " + ledger.loanNumber() + " is posted to only under the lock that read "
                    + "its ledger, in the same transaction (lockLedger)");
        }
        LoanAccount account = lock(ledger.loanNumber());
        Map<Long, LedgerEntry> byId = new HashMap<>();
        ledger.entries().forEach(e -> byId.put(e.id(), e));
        Set<Long> reversed = ledger.entries().stream().map(LedgerEntry::reversesId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(HashSet::new));
        List<LedgerEntry> posted = new ArrayList<>(sent.size());
        // Runs of postings go in one batch each; a reversal may undo an entry of the run before it.
        List<SentEntry> run = new ArrayList<>();
        for (SentEntry entry : sent) {
            if (entry.type() == EntryType.REVERSAL) {
                ledgerWriter.postAllAsSent(account, run, by).forEach(e -> {
                    posted.add(e);
                    byId.put(e.id(), e);
                });
                run.clear();
                LedgerEntry original = byId.get(entry.reversesId());
                if (original == null) {
                    throw new IllegalArgumentException("No entry " + entry.reversesId() + " on loan " + ledger.loanNumber());
                }
                if (original.type() == EntryType.REVERSAL || !reversed.add(original.id())) {
                    throw new IllegalArgumentException("Entry " + original.id() + " is a reversal or already reversed");
                }
                posted.add(ledgerWriter.reverse(account, original, entry.description(), by));
            } else {
                run.add(entry);
            }
        }
        posted.addAll(ledgerWriter.postAllAsSent(account, run, by));
        return posted;
    }

    /**
     * The loans the current transaction locked, by loan number: gone when it ends, and set aside while a
     * REQUIRES_NEW transaction runs inside it, which holds none of its locks ({@link TransactionSynchronizations}).
     */
    private static final class LockedRows implements TransactionSynchronization {

        private final LoanServicing owner;
        private final Map<String, Long> byLoanNumber = new HashMap<>();

        private LockedRows(LoanServicing owner) {
            this.owner = owner;
        }

        static Map<String, Long> in(LoanServicing owner) {
            return TransactionSynchronizations.current(LockedRows.class, rows -> rows.owner == owner,
                    () -> new LockedRows(owner)).byLoanNumber;
        }
    }

    /** The entry on the loan that carries a portal payment's confirmation number, if one does. */
    @Transactional(readOnly = true)
    public Optional<LedgerEntry> entryWithReference(String loanNumber, String reference) {
        return ledgerWriter.withReference(find(loanNumber), reference);
    }

    /** The id of the entry that reversed this one, if one did. */
    @Transactional(readOnly = true)
    public Optional<Long> reversalOf(long entryId) {
        return ledgerWriter.reversalOf(entryId);
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
        return tryLock(loanNumber).orElseThrow(() -> new IllegalArgumentException("No loan " + loanNumber));
    }

    /**
     * Locks the loan's row ({@code SELECT ... FOR UPDATE}), once per transaction: a row this transaction locked stays
     * locked until it ends, so a second lock of it is answered from the persistence context (or, after a clear, by a
     * plain read) rather than by another locking statement. Empty when there is no such loan.
     */
    private Optional<LoanAccount> tryLock(String loanNumber) {
        Map<String, Long> locked = LockedRows.in(this);
        Long id = locked.get(loanNumber);
        if (id != null) {
            LoanAccount account = entityManager.find(LoanAccount.class, id);
            if (account != null) {
                return Optional.of(account);
            }
        }
        Optional<LoanAccount> account = accounts.lockByLoanNumber(loanNumber);
        account.ifPresent(a -> locked.put(loanNumber, a.id()));
        return account;
    }
}
