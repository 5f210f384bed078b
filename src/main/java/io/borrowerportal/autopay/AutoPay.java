package io.borrowerportal.autopay;

import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
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
 * One AutoPay and where its schedule stands. The next due date is always the schedule's date number
 * {@code nextIndex}; both are moved only by {@link #advance} and {@link #restart}.
 */
@Entity
@Table(name = "autopays")
class AutoPay {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reference;
    private long accountId;
    private String loanNumber;
    private long customerId;
    private long profileId;
    private String methodLabel;
    @Enumerated(EnumType.STRING)
    private PaymentChannel channel;
    @Enumerated(EnumType.STRING)
    private AutoPayFrequency frequency;
    @Enumerated(EnumType.STRING)
    private AutoPayAmountType amountType;
    private BigDecimal fixedAmount;
    private LocalDate startDate;
    private boolean lastDayOfMonth;
    private boolean processOnlyWhenDue;
    private Integer numberOfPayments;
    private int paymentsMade;
    private int nextIndex;
    private LocalDate nextDueDate;
    private LocalDate nextProcessDate;
    @Enumerated(EnumType.STRING)
    private AutoPayStatus status;
    private String statusReason;
    private String authorizationVersion;
    private String authorizationText;
    private Instant authorizedAt;
    private String authorizedFrom;
    private LocalDate reminderSentFor;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected AutoPay() {
    }

    AutoPay(String reference, long accountId, String loanNumber, long customerId, AutoPayTerms terms,
            ProfileSummary profile, Authorization authorization, String createdBy, Instant now) {
        this.reference = reference;
        this.accountId = accountId;
        this.loanNumber = loanNumber;
        this.customerId = customerId;
        this.status = AutoPayStatus.ACTIVE;
        this.createdBy = createdBy;
        this.createdAt = now;
        change(terms, profile, authorization, now);
        restart(terms.startDate(), 0);
    }

    /** The accepted authorization: its exact text, its version, when and from which address. */
    record Authorization(String version, String text, Instant at, String from) {
    }

    Long id() { return id; }
    String reference() { return reference; }
    long accountId() { return accountId; }
    String loanNumber() { return loanNumber; }
    long customerId() { return customerId; }
    long profileId() { return profileId; }
    String methodLabel() { return methodLabel; }
    PaymentChannel channel() { return channel; }
    AutoPayFrequency frequency() { return frequency; }
    AutoPayAmountType amountType() { return amountType; }
    BigDecimal fixedAmount() { return fixedAmount; }
    LocalDate startDate() { return startDate; }
    boolean lastDayOfMonth() { return lastDayOfMonth; }
    boolean processOnlyWhenDue() { return processOnlyWhenDue; }
    Integer numberOfPayments() { return numberOfPayments; }
    int paymentsMade() { return paymentsMade; }
    int nextIndex() { return nextIndex; }
    LocalDate nextDueDate() { return nextDueDate; }
    LocalDate nextProcessDate() { return nextProcessDate; }
    AutoPayStatus status() { return status; }
    String statusReason() { return statusReason; }
    String authorizationVersion() { return authorizationVersion; }
    String authorizationText() { return authorizationText; }
    Instant authorizedAt() { return authorizedAt; }
    String authorizedFrom() { return authorizedFrom; }
    LocalDate reminderSentFor() { return reminderSentFor; }
    Instant createdAt() { return createdAt; }

    AutoPaySchedule schedule() {
        return new AutoPaySchedule(frequency, startDate, lastDayOfMonth);
    }

    AutoPayTerms terms() {
        return new AutoPayTerms(profileId, frequency, amountType, fixedAmount, startDate, remainingPayments(),
                lastDayOfMonth, processOnlyWhenDue);
    }

    /** Payments still to make, or null for "until paid off". */
    Integer remainingPayments() {
        return numberOfPayments == null ? null : numberOfPayments - paymentsMade;
    }

    /** New terms and the authorization accepted for them; {@code terms.numberOfPayments()} counts from now on. */
    void change(AutoPayTerms terms, ProfileSummary profile, Authorization authorization, Instant now) {
        this.profileId = profile.id();
        this.methodLabel = profile.label();
        this.channel = profile.channel();
        this.frequency = terms.frequency();
        this.amountType = terms.amountType();
        this.fixedAmount = terms.fixedAmount();
        this.lastDayOfMonth = terms.lastDayOfMonth();
        this.processOnlyWhenDue = terms.processOnlyWhenDue();
        this.numberOfPayments = terms.numberOfPayments() == null ? null : paymentsMade + terms.numberOfPayments();
        this.authorizationVersion = authorization.version();
        this.authorizationText = authorization.text();
        this.authorizedAt = authorization.at();
        this.authorizedFrom = authorization.from();
        this.updatedAt = now;
    }

    /** Starts the schedule over from {@code start}, at its date number {@code index}. */
    void restart(LocalDate start, int index) {
        this.startDate = start;
        moveTo(index);
    }

    /** One due date was dealt with (paid, skipped or refused): on to the next, or done. */
    void advance(boolean paid, Instant now) {
        if (paid) {
            paymentsMade++;
        }
        updatedAt = now;
        if (numberOfPayments != null && paymentsMade >= numberOfPayments) {
            end(AutoPayStatus.COMPLETED, "All " + numberOfPayments + (numberOfPayments == 1 ? " payment was" : " payments were")
                    + " made.", now);
            return;
        }
        moveTo(nextIndex + 1);
        if (nextDueDate == null) {
            end(AutoPayStatus.COMPLETED, paid ? "The payment was made." : "Its date has passed.", now);
        }
    }

    private void moveTo(int index) {
        this.nextIndex = index;
        this.nextDueDate = schedule().dueDate(index);
        this.nextProcessDate = nextDueDate == null ? null : AutoPaySchedule.processDate(nextDueDate);
    }

    void moveTo(AutoPayStatus next, String reason, Instant now) {
        this.status = next;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    void end(AutoPayStatus ending, String reason, Instant now) {
        moveTo(ending, reason, now);
        this.nextDueDate = null;
        this.nextProcessDate = null;
    }

    void remindedFor(LocalDate dueDate) {
        this.reminderSentFor = dueDate;
    }
}
