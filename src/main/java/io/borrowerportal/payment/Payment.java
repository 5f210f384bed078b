package io.borrowerportal.payment;

import io.borrowerportal.settings.PaymentType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment from its submission to its end. Money never changes here: the ledger holds what was
 * applied ({@code ledgerEntryId}), and a return reverses that entry instead of editing this row's amount.
 */
@Entity
@Table(name = "payments")
class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String confirmationNumber;
    private String idempotencyKey;
    private long accountId;
    private String loanNumber;
    private long customerId;
    private long profileId;
    @Enumerated(EnumType.STRING)
    private PaymentChannel channel;
    @Enumerated(EnumType.STRING)
    private PaymentType paymentType;
    private String methodLabel;
    private BigDecimal amount;
    private BigDecimal convenienceFee;
    private LocalDate processDate;
    private LocalDate applyDate;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private String statusReason;
    private String returnCode;
    private String processorReference;
    private BigDecimal principal;
    private BigDecimal interest;
    private BigDecimal fees;
    private Long ledgerEntryId;
    private Long feeEntryId;
    private Long achFileId;
    private String traceNumber;
    private LocalDate settlesOn;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private String autopayReference;
    @Version
    private long version;

    protected Payment() {
    }

    Payment(String confirmationNumber, String idempotencyKey, long accountId, String loanNumber, long customerId,
            PaymentProfile profile,
            PaymentType type, BigDecimal amount, BigDecimal convenienceFee, LocalDate processDate, LocalDate applyDate,
            PaymentStatus status, String createdBy, Instant now, String autopayReference) {
        this.confirmationNumber = confirmationNumber;
        this.idempotencyKey = idempotencyKey;
        this.accountId = accountId;
        this.loanNumber = loanNumber;
        this.customerId = customerId;
        this.profileId = profile.id();
        this.channel = profile.kind();
        this.methodLabel = profile.label();
        this.paymentType = type;
        this.amount = amount;
        this.convenienceFee = convenienceFee;
        this.processDate = processDate;
        this.applyDate = applyDate;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.autopayReference = autopayReference;
    }

    Long id() { return id; }
    String confirmationNumber() { return confirmationNumber; }
    String idempotencyKey() { return idempotencyKey; }
    long accountId() { return accountId; }
    String loanNumber() { return loanNumber; }
    long customerId() { return customerId; }
    long profileId() { return profileId; }
    PaymentChannel channel() { return channel; }
    PaymentType paymentType() { return paymentType; }
    String methodLabel() { return methodLabel; }
    BigDecimal amount() { return amount; }
    BigDecimal convenienceFee() { return convenienceFee; }
    BigDecimal total() { return amount.add(convenienceFee); }
    LocalDate processDate() { return processDate; }
    LocalDate applyDate() { return applyDate; }
    PaymentStatus status() { return status; }
    String statusReason() { return statusReason; }
    String returnCode() { return returnCode; }
    Long ledgerEntryId() { return ledgerEntryId; }
    Long feeEntryId() { return feeEntryId; }
    Long achFileId() { return achFileId; }
    String traceNumber() { return traceNumber; }
    LocalDate settlesOn() { return settlesOn; }
    BigDecimal principal() { return principal; }
    BigDecimal interest() { return interest; }
    BigDecimal fees() { return fees; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    /** The AutoPay that made this payment ("AP-…"), or null for one the customer made on the website. */
    String autopayReference() { return autopayReference; }

    void applied(long ledgerEntryId, Long feeEntryId, BigDecimal fees, BigDecimal interest, BigDecimal principal) {
        this.ledgerEntryId = ledgerEntryId;
        this.feeEntryId = feeEntryId;
        this.fees = fees;
        this.interest = interest;
        this.principal = principal;
    }

    /** Lowers a scheduled payment to what is owed when it processes (never above payoff). */
    void lowerTo(BigDecimal newAmount, BigDecimal newFee) {
        this.amount = newAmount;
        this.convenienceFee = newFee;
    }

    void moveTo(PaymentStatus next, String reason, Instant now) {
        this.status = next;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    void approvedBy(String reference) {
        this.processorReference = reference;
    }

    void exported(long fileId, String trace, LocalDate settles) {
        this.achFileId = fileId;
        this.traceNumber = trace;
        this.settlesOn = settles;
    }

    void returned(String code, String reason, Instant now) {
        this.returnCode = code;
        moveTo(PaymentStatus.RETURNED, reason, now);
    }
}
