package io.borrowerportal.payment;

import io.borrowerportal.account.LedgerPosting;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentMethod;
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
import java.util.EnumSet;
import java.util.Set;

/**
 * One payment from its submission to its end. Money never changes here: the ledger holds what was
 * applied ({@code ledgerEntryId}), and a return reverses that entry instead of editing this row's amount.
 * Each change of state is a named transition below; the one exception is being marked sent in an ACH file,
 * which the export does for a whole file in bulk SQL with the same checks (see {@link AchExport}, decision 010).
 * The transitions the servicing system must hear of name their outbound event (decision 029): created,
 * processed, declined, settled, returned, cancelled; being sent to the processor or lowered on its date is not
 * news to it (the event that follows carries the amount).
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
    private String standingKind;
    private String standingReference;
    @Version
    private long version;

    protected Payment() {
    }

    Payment(String confirmationNumber, String idempotencyKey, long accountId, String loanNumber, long customerId,
            PaymentMethod method, PaymentType type, BigDecimal amount, BigDecimal convenienceFee, LocalDate processDate, LocalDate applyDate,
            PaymentStatus status, String createdBy, Instant now, StandingOrder standing) {
        this.confirmationNumber = confirmationNumber;
        this.idempotencyKey = idempotencyKey;
        this.accountId = accountId;
        this.loanNumber = loanNumber;
        this.customerId = customerId;
        this.profileId = method.id();
        this.channel = method.channel();
        this.methodLabel = method.label();
        this.paymentType = type;
        this.amount = amount;
        this.convenienceFee = convenienceFee;
        this.processDate = processDate;
        this.applyDate = applyDate;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        if (standing != null) {
            this.standingKind = standing.kind();
            this.standingReference = standing.reference();
        }
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
    /** The standing instruction that made this payment (its kind and reference), or null for one made on the website. */
    String madeBy() { return standingReference == null ? null : standingKind + " " + standingReference; }
    String standingKind() { return standingKind; }
    String standingReference() { return standingReference; }

    // --- transitions: each checks where the payment is, changes it and writes its timeline step ------------

    /** Its first step, once stored (scheduled, sent to the processor, or applied and pending). */
    void opened(String note, PaymentTimeline timeline) {
        timeline.record(this, status, note, EventType.PAYMENT_CREATED);
        timeline.entered(this);
    }

    /** A scheduled card payment's date has come: it goes to the processor. */
    void startProcessing(String note, PaymentTimeline timeline) {
        require(PaymentStatus.SCHEDULED, "sent to the processor");
        move(PaymentStatus.PROCESSING, null, note, timeline);
    }

    /** The processor did not answer; the payment stays processing and is asked about again. */
    void waitForProcessor(String reason, String note, PaymentTimeline timeline) {
        require(PaymentStatus.PROCESSING, "left waiting for the processor");
        if (!reason.equals(statusReason)) {
            move(PaymentStatus.PROCESSING, reason, note, timeline);
        }
    }

    /** A bank payment applied to the loan: pending until the debit settles. */
    void applyPending(LedgerPosting.PostedPayment posted, String reason, String note, PaymentTimeline timeline) {
        // Stored PENDING, it is being opened (a debit made today); from SCHEDULED, its date has come.
        EventType published = status == PaymentStatus.PENDING ? EventType.PAYMENT_CREATED : EventType.PAYMENT_PROCESSED;
        if (status != PaymentStatus.PENDING) {
            require(PaymentStatus.SCHEDULED, "applied as a bank debit");
        }
        applied(posted);
        move(PaymentStatus.PENDING, reason, note, timeline, published);
    }

    /** Approved by the processor; {@code posted} is null when the loan owed nothing more (a refund is due). */
    void approve(String processorReference, LedgerPosting.PostedPayment posted, String reason, String note,
                 PaymentTimeline timeline) {
        require(PaymentStatus.PROCESSING, "approved");
        this.processorReference = processorReference;
        if (posted != null) {
            applied(posted);
        }
        move(PaymentStatus.COMPLETED, reason, note, timeline, EventType.PAYMENT_PROCESSED);
    }

    /** A bank debit with no return by its settlement date, in a file the bank was given. */
    void settle(AchFile file, String note, PaymentTimeline timeline) {
        require(PaymentStatus.PENDING, "settled");
        if (achFileId == null) {
            throw new IllegalStateException("Payment " + confirmationNumber + " was never sent to the bank");
        }
        if (file == null || !achFileId.equals(file.id())) {
            throw new IllegalStateException("Payment " + confirmationNumber + " is not in ACH file "
                    + (file == null ? null : file.fileName()));
        }
        if (!file.state().delivered()) {
            throw new IllegalStateException("Payment " + confirmationNumber + " is in ACH file " + file.fileName()
                    + ", which is " + file.state() + ": the bank has not been given it, so it cannot settle");
        }
        move(PaymentStatus.COMPLETED, null, note, timeline, EventType.PAYMENT_SETTLED);
    }

    /**
     * Nothing was charged: the processor declined it, has no record of it, its method can no longer pay on its
     * date, or a bank debit was never sent (the caller reverses what was applied).
     */
    void decline(String reason, PaymentTimeline timeline) {
        if (status == PaymentStatus.PENDING && achFileId != null) {
            throw new IllegalStateException("Payment " + confirmationNumber + " was sent to the bank; it can be returned, not declined");
        }
        require(EnumSet.of(PaymentStatus.PROCESSING, PaymentStatus.SCHEDULED, PaymentStatus.PENDING), "declined");
        move(PaymentStatus.DECLINED, reason, reason, timeline, EventType.PAYMENT_DECLINED);
    }

    /** A scheduled payment that will not be made (cancelled by its payer, or the loan was paid off first). */
    void cancel(String reason, String note, PaymentTimeline timeline) {
        require(PaymentStatus.SCHEDULED, "cancelled");
        move(PaymentStatus.CANCELLED, reason, note, timeline, EventType.PAYMENT_CANCELLED);
    }

    /** A scheduled payment lowered to what the loan owes on its date (never above the payoff). */
    void lowerTo(BigDecimal newAmount, BigDecimal newFee, String note, PaymentTimeline timeline) {
        require(PaymentStatus.SCHEDULED, "lowered");
        this.amount = newAmount;
        this.convenienceFee = newFee;
        this.updatedAt = timeline.now();
        timeline.record(this, status, note);
    }

    /** The bank sent the debit back (the caller reverses it on the loan). */
    void returned(String code, String reason, String note, PaymentTimeline timeline) {
        if (channel != PaymentChannel.BANK) {
            throw new IllegalStateException("Payment " + confirmationNumber + " is a card payment; only bank debits are returned");
        }
        require(EnumSet.of(PaymentStatus.PENDING, PaymentStatus.COMPLETED), "returned");
        this.returnCode = code;
        move(PaymentStatus.RETURNED, reason, note, timeline, EventType.PAYMENT_RETURNED);
    }

    /** A line on the timeline that changes nothing (a processor approving a payment that had already ended). */
    void note(String note, PaymentTimeline timeline) {
        timeline.record(this, status, note);
    }

    private void applied(LedgerPosting.PostedPayment posted) {
        this.ledgerEntryId = posted.entryId();
        this.feeEntryId = posted.feeEntryId();
        this.fees = posted.split().fees();
        this.interest = posted.split().interest();
        this.principal = posted.split().principal();
    }

    private void move(PaymentStatus next, String reason, String note, PaymentTimeline timeline) {
        PaymentStatus previous = status;
        this.status = next;
        this.statusReason = reason;
        this.updatedAt = timeline.now();
        timeline.record(this, next, note);
        if (previous != next) {
            timeline.entered(this);
        }
    }

    /** A move the servicing system hears of, as {@code published}. */
    private void move(PaymentStatus next, String reason, String note, PaymentTimeline timeline, EventType published) {
        PaymentStatus previous = status;
        this.status = next;
        this.statusReason = reason;
        this.updatedAt = timeline.now();
        timeline.record(this, next, note, published);
        // A bank debit made today is stored pending and applied at once: its creation is this step.
        if (previous != next || published == EventType.PAYMENT_CREATED) {
            timeline.entered(this);
        }
    }

    private void require(PaymentStatus expected, String what) {
        require(EnumSet.of(expected), what);
    }

    private void require(Set<PaymentStatus> expected, String what) {
        if (!expected.contains(status)) {
            throw new IllegalStateException("Payment " + confirmationNumber + " is " + status + "; it cannot be " + what);
        }
    }
}
