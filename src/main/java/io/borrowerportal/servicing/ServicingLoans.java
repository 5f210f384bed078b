package io.borrowerportal.servicing;

import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.account.BookedLoan;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.account.ProductTerms;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.ledger.LoanTerms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loans by loan number and the borrowers on them, as the servicer sends them (decision 030). A loan's product and
 * terms may change only while its ledger holds nothing but its disbursement; collateral, web access and the
 * servicer's balance may always change. One transaction per upsert, audited with the servicer as actor.
 */
@Service
@PreAuthorize("hasAnyRole('SYSTEM','API_CLIENT') and !hasRole('PREVIEW')")
@Transactional
public class ServicingLoans {

    static final int MAX_COLLATERAL = 160;
    static final String WEB_ACCESS_REASON = "Set by the servicing system";
    static final String NO_LOAN = "No loan with this number in the portal.";

    private final LoanServicing servicing;
    private final ServicerLoanRepository servicerLoans;
    private final ServicerCustomerRepository servicerCustomers;
    private final ServicerActor actor;
    private final BalanceReviews reviews;
    private final Clock clock;

    ServicingLoans(LoanServicing servicing, ServicerLoanRepository servicerLoans,
                   ServicerCustomerRepository servicerCustomers, ServicerActor actor, BalanceReviews reviews,
                   Clock clock) {
        this.servicing = servicing;
        this.reviews = reviews;
        this.servicerLoans = servicerLoans;
        this.servicerCustomers = servicerCustomers;
        this.actor = actor;
        this.clock = clock;
    }

    public UpsertResult upsert(LoanUpsert command) {
        List<ServicingProblem> problems = new ArrayList<>();
        String loanNumber = LoanNumber.parse(command.loanNumber()).map(LoanNumber::value).orElse(null);
        if (loanNumber == null) {
            problems.add(new ServicingProblem("loanNumber", "Must be 4-20 letters, digits or dashes."));
        }
        ProductTerms product = command.productCode() == null ? null
                : servicing.product(command.productCode().strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (product == null) {
            problems.add(new ServicingProblem("productCode", "No such loan product in the portal."));
        }
        LoanTerms terms = terms(command, product, problems);
        String collateral = blankToNull(command.collateralDescription());
        if (collateral != null && collateral.length() > MAX_COLLATERAL) {
            problems.add(new ServicingProblem("collateralDescription", "Must be at most " + MAX_COLLATERAL + " characters."));
        }
        String vin = blankToNull(command.collateralVin());
        if (!LoanServicing.validVin(vin)) {
            problems.add(new ServicingProblem("collateralVin", LoanServicing.VIN_RULE + "."));
        }
        balanceProblems(command, problems);
        if (!problems.isEmpty()) {
            throw new ServicingRefusedException(problems);
        }
        BookedLoan booked = servicing.booked(loanNumber).orElse(null);
        String by = actor.name();
        if (booked == null) {
            long accountId = servicing.book(new OpenAccountCommand(loanNumber, product.code(), terms, collateral, vin));
            if (Boolean.FALSE.equals(command.webAccess())) {
                servicing.switchWebAccess(loanNumber, false, WEB_ACCESS_REASON, by);
            }
            ServicerLoan kept = new ServicerLoan(accountId, clock.instant());
            kept.changeBalance(money(command.servicerBalance()), command.balanceAsOf(), clock.instant());
            servicerLoans.save(kept);
            actor.record(null, null, loanNumber, AuditAction.SERVICER_LOAN_CREATED, "Loan " + loanNumber + " ("
                    + product.code() + ", " + terms.principal().toPlainString() + ") booked from the servicing system");
            return new UpsertResult(loanNumber, Outcome.CREATED, List.of());
        }
        List<String> changed = termChanges(booked, product.code(), terms);
        if (!changed.isEmpty()) {
            if (LoanServicing.hasActivity(servicing.lockLedger(loanNumber).orElseThrow().entries())) {
                throw new ServicingRefusedException(changed.stream().map(field -> new ServicingProblem(field,
                        "The loan has ledger activity, so its product and terms stay as booked ("
                                + booked(booked, field) + "); a correction is a ledger entry.")).toList());
            }
            servicing.rebook(loanNumber, product.code(), terms, by);
        }
        if (!Objects.equals(collateral, booked.collateralDescription()) || !Objects.equals(vin, booked.collateralVin())) {
            servicing.changeCollateral(loanNumber, collateral, vin);
            if (!Objects.equals(collateral, booked.collateralDescription())) {
                changed.add("collateralDescription");
            }
            if (!Objects.equals(vin, booked.collateralVin())) {
                changed.add("collateralVin");
            }
        }
        if (command.webAccess() != null && command.webAccess() != booked.webAccess()
                && servicing.switchWebAccess(loanNumber, command.webAccess(), WEB_ACCESS_REASON, by)) {
            changed.add("webAccess");
        }
        ServicerLoan kept = servicerLoans.findById(booked.accountId())
                .orElseGet(() -> servicerLoans.save(new ServicerLoan(booked.accountId(), clock.instant())));
        if (kept.changeBalance(money(command.servicerBalance()), command.balanceAsOf(), clock.instant())) {
            changed.add("servicerBalance");
            endReviewIfAgreed(loanNumber, kept);
        }
        if (changed.isEmpty()) {
            return new UpsertResult(loanNumber, Outcome.UNCHANGED, List.of());
        }
        actor.record(null, null, loanNumber, AuditAction.SERVICER_LOAN_UPDATED,
                "Loan " + loanNumber + " changed by the servicing system: " + String.join(", ", changed));
        return new UpsertResult(loanNumber, Outcome.UPDATED, List.copyOf(changed));
    }

    /**
     * A new servicer balance that agrees with the portal's ends the loan's balance review at once, rather than at
     * the next reconciliation (decision 032); one that still differs leaves it to the run, which lists it.
     */
    private void endReviewIfAgreed(String loanNumber, ServicerLoan kept) {
        if (kept.servicerBalance() == null) {
            return;
        }
        reviews.ledger(kept.accountId())
                .filter(ledger -> !BalanceComparison.differs(kept.servicerBalance(),
                        BalanceComparison.portalBalance(ledger, kept.balanceAsOf())))
                .filter(ledger -> reviews.release(kept.accountId()))
                .ifPresent(ledger -> actor.record(null, null, loanNumber, AuditAction.BALANCE_REVIEW_ENDED,
                        "Balance of loan " + loanNumber + " agrees with the servicer's new balance "
                                + kept.servicerBalance().toPlainString() + " as of " + kept.balanceAsOf()));
    }

    /** The servicer's balance and its date, as kept for reconciliation; empty for a loan it never sent. */
    @Transactional(readOnly = true)
    public Optional<ServicerBalance> servicerBalance(String loanNumber) {
        return servicing.booked(loanNumber).flatMap(b -> servicerLoans.findById(b.accountId()))
                .filter(l -> l.servicerBalance() != null)
                .map(l -> new ServicerBalance(loanNumber, l.servicerBalance(), l.balanceAsOf()));
    }

    /**
     * Makes the loan's borrowers exactly these, by the servicer's customer ids; a customer the portal does not
     * know by that id is refused, as is a loan it does not know.
     */
    public UpsertResult replaceBorrowers(BorrowersUpsert command) {
        List<ServicingProblem> problems = new ArrayList<>();
        String loanNumber = LoanNumber.parse(command.loanNumber()).map(LoanNumber::value).orElse(null);
        if (loanNumber == null) {
            problems.add(new ServicingProblem("loanNumber", NO_LOAN));
        }
        List<BorrowersUpsert.Borrower> borrowers = command.borrowers() == null ? List.of() : command.borrowers();
        if (borrowers.isEmpty()) {
            problems.add(new ServicingProblem("borrowers", "A loan has at least one borrower."));
        }
        Set<String> ids = borrowers.stream().map(b -> b == null || b.externalId() == null ? "" : b.externalId().strip())
                .collect(Collectors.toSet());
        Map<String, ServicerCustomer> known = servicerCustomers.findByExternalIdIn(ids).stream()
                .collect(Collectors.toMap(ServicerCustomer::externalId, Function.identity()));
        Map<Long, LinkRole> wanted = new TreeMap<>();
        Map<String, LinkRole> byExternalId = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < borrowers.size(); i++) {
            BorrowersUpsert.Borrower borrower = borrowers.get(i);
            String field = "borrowers[" + i + "]";
            String id = borrower == null || borrower.externalId() == null ? "" : borrower.externalId().strip();
            if (id.isEmpty()) {
                problems.add(new ServicingProblem(field + ".externalId", "Must be given."));
                continue;
            }
            if (!seen.add(id)) {
                problems.add(new ServicingProblem(field + ".externalId", "Customer " + id + " is listed twice."));
            }
            ServicerCustomer customer = known.get(id);
            if (customer == null) {
                problems.add(new ServicingProblem(field + ".externalId", "No customer " + id
                        + " in the portal; send the customer first."));
            }
            if (borrower.role() == null) {
                problems.add(new ServicingProblem(field + ".role", "Must be one of BORROWER, CO_BORROWER."));
            }
            if (customer != null && borrower.role() != null) {
                wanted.put(customer.customerId(), borrower.role());
                byExternalId.put(id, borrower.role());
            }
        }
        if (!problems.isEmpty()) {
            if (loanNumber != null && servicing.booked(loanNumber).isEmpty()) {
                problems.addFirst(new ServicingProblem("loanNumber", NO_LOAN));
            }
            throw new ServicingRefusedException(problems);
        }
        // Locks the loan, reads its borrowers and changes them only when they differ: one look-up, not three.
        Map<Long, LinkRole> before = servicing.replaceBorrowers(loanNumber, wanted)
                .orElseThrow(() -> ServicingRefusedException.of("loanNumber", NO_LOAN));
        if (before.equals(wanted)) {
            return new UpsertResult(loanNumber, Outcome.UNCHANGED, List.of());
        }
        actor.record(null, null, loanNumber, AuditAction.SERVICER_BORROWERS_CHANGED, "Borrowers of loan " + loanNumber
                + " set by the servicing system: " + byExternalId.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        return new UpsertResult(loanNumber, before.isEmpty() ? Outcome.CREATED : Outcome.UPDATED,
                before.isEmpty() ? List.of() : List.of("borrowers"));
    }

    private static LoanTerms terms(LoanUpsert command, ProductTerms product, List<ServicingProblem> problems) {
        int before = problems.size();
        BigDecimal principal = command.principal();
        if (principal == null || principal.signum() <= 0 || principal.stripTrailingZeros().scale() > 2) {
            problems.add(new ServicingProblem("terms.principal", "Must be a positive amount in dollars and cents."));
        }
        BigDecimal rate = command.annualRatePercent();
        if (!LoanTerms.validRate(rate)) {
            problems.add(new ServicingProblem("terms.annualRatePercent", LoanTerms.RATE_RULE));
        }
        Integer payments = command.numberOfPayments();
        if (payments == null || payments < 1 || payments > LoanTerms.MAX_PAYMENTS) {
            problems.add(new ServicingProblem("terms.numberOfPayments", "Must be 1 to " + LoanTerms.MAX_PAYMENTS + "."));
        }
        if (command.startDate() == null) {
            problems.add(new ServicingProblem("terms.startDate", "Must be given."));
        }
        if (command.firstDueDate() == null) {
            problems.add(new ServicingProblem("terms.firstDueDate", "Must be given."));
        } else if (command.startDate() != null && !command.firstDueDate().isAfter(command.startDate())) {
            problems.add(new ServicingProblem("terms.firstDueDate", "Must be after the start date."));
        }
        if (problems.size() > before || product == null) {
            return null;
        }
        return new LoanTerms(principal, rate, payments, command.startDate(), command.firstDueDate(),
                product.frequency(), product.dayCount());
    }

    private void balanceProblems(LoanUpsert command, List<ServicingProblem> problems) {
        BigDecimal balance = command.servicerBalance();
        LocalDate asOf = command.balanceAsOf();
        if ((balance == null) != (asOf == null)) {
            problems.add(new ServicingProblem(balance == null ? "servicerBalance" : "balanceAsOf",
                    "The servicer's balance and its as-of date come together."));
        }
        if (balance != null && balance.stripTrailingZeros().scale() > 2) {
            problems.add(new ServicingProblem("servicerBalance", "Has more than two decimals."));
        }
        if (asOf != null && asOf.isAfter(LocalDate.now(clock))) {
            problems.add(new ServicingProblem("balanceAsOf", "Is in the future."));
        }
    }

    private static List<String> termChanges(BookedLoan booked, String productCode, LoanTerms terms) {
        List<String> changed = new ArrayList<>();
        if (!booked.productCode().equals(productCode)) {
            changed.add("productCode");
        }
        LoanTerms was = booked.terms();
        if (was.principal().compareTo(terms.principal()) != 0) {
            changed.add("terms.principal");
        }
        if (was.annualRatePercent().compareTo(terms.annualRatePercent()) != 0) {
            changed.add("terms.annualRatePercent");
        }
        if (was.numberOfPayments() != terms.numberOfPayments()) {
            changed.add("terms.numberOfPayments");
        }
        if (!was.startDate().equals(terms.startDate())) {
            changed.add("terms.startDate");
        }
        if (!was.firstDueDate().equals(terms.firstDueDate())) {
            changed.add("terms.firstDueDate");
        }
        return changed;
    }

    private static String booked(BookedLoan booked, String field) {
        LoanTerms t = booked.terms();
        return "booked: " + switch (field) {
            case "productCode" -> booked.productCode();
            case "terms.principal" -> t.principal().toPlainString();
            case "terms.annualRatePercent" -> t.annualRatePercent().toPlainString();
            case "terms.numberOfPayments" -> String.valueOf(t.numberOfPayments());
            case "terms.startDate" -> t.startDate().toString();
            default -> t.firstDueDate().toString();
        };
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
