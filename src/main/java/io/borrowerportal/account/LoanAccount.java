package io.borrowerportal.account;

import io.borrowerportal.common.WebAccessSwitch;
import io.borrowerportal.ledger.LoanTerms;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

@Entity
@Table(name = "loan_accounts")
class LoanAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String loanNumber;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private LoanProduct product;
    private BigDecimal originalPrincipal;
    private BigDecimal annualRate;
    private int numberOfPayments;
    private LocalDate startDate;
    private LocalDate firstDueDate;
    private String collateralDescription;
    private String collateralVin;
    @Embedded
    private WebAccessSwitch webAccess = new WebAccessSwitch();
    /** Since when the loan's balance differs from the servicer's (decision 032); null when it does not. */
    private Instant balanceReviewSince;
    @Version
    private long version;
    private Instant createdAt;

    protected LoanAccount() {
    }

    LoanAccount(String loanNumber, LoanProduct product, LoanTerms terms, String collateralDescription,
                String collateralVin, Instant createdAt) {
        this.loanNumber = loanNumber;
        this.product = product;
        this.originalPrincipal = terms.principal();
        this.annualRate = terms.annualRatePercent();
        this.numberOfPayments = terms.numberOfPayments();
        this.startDate = terms.startDate();
        this.firstDueDate = terms.firstDueDate();
        this.collateralDescription = collateralDescription;
        this.collateralVin = collateralVin;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String loanNumber() {
        return loanNumber;
    }

    LoanProduct product() {
        return product;
    }

    boolean webAccess() {
        return webAccess.enabled();
    }

    void changeWebAccess(boolean on) {
        webAccess.set(on);
    }

    /** Staff switched the loan's web access with a reason; false when it already was that way. */
    boolean switchWebAccess(boolean on, String reason, Instant at, String by) {
        return webAccess.change(on, reason, at, by);
    }

    /** Marks the balance as under review; false when it already was. */
    boolean holdBalance(Instant at) {
        if (balanceReviewSince != null) {
            return false;
        }
        balanceReviewSince = at;
        return true;
    }

    boolean balanceUnderReview() {
        return balanceReviewSince != null;
    }

    /** Ends the review; false when there was none. */
    boolean releaseBalance() {
        if (balanceReviewSince == null) {
            return false;
        }
        balanceReviewSince = null;
        return true;
    }

    LoanWebAccess toWebAccess() {
        return new LoanWebAccess(loanNumber, title(), webAccess.enabled(), webAccess.reason(), webAccess.changedAt(),
                webAccess.changedBy());
    }

    /** Books the loan again on other terms: only while its ledger holds nothing but its disbursement. */
    void rebook(LoanProduct product, LoanTerms terms) {
        this.product = product;
        this.originalPrincipal = terms.principal();
        this.annualRate = terms.annualRatePercent();
        this.numberOfPayments = terms.numberOfPayments();
        this.startDate = terms.startDate();
        this.firstDueDate = terms.firstDueDate();
    }

    void changeCollateral(String description, String vin) {
        this.collateralDescription = description;
        this.collateralVin = vin;
    }

    BookedLoan toBooked() {
        return new BookedLoan(id, loanNumber, product.code(), terms(), collateralDescription, collateralVin,
                webAccess.enabled());
    }

    LoanTerms terms() {
        return new LoanTerms(originalPrincipal, annualRate, numberOfPayments, startDate, firstDueDate,
                product.paymentFrequency(), product.dayCount());
    }

    /** What the borrower calls the loan: "2022 Honda Civic auto loan", or the product name. */
    AccountRef toRef() {
        return new AccountRef(id, loanNumber, title());
    }

    String title() {
        if (collateralDescription != null && !collateralDescription.isBlank()) {
            return collateralDescription + " " + product.name().toLowerCase(Locale.ROOT);
        }
        return product.name();
    }

    AccountInfo toInfo(LinkRole role) {
        boolean collateralized = product.collateralized() && collateralDescription != null;
        return new AccountInfo(loanNumber, title(), product.name(), collateralized ? collateralDescription : null,
                collateralized ? collateralVin : null, collateralized, role, product.dayCount(),
                balanceReviewSince != null);
    }
}
