package io.borrowerportal.paymentprofile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A card or bank account a customer keeps on file, or entered for one payment only (not on file: never
 * listed, never primary, and used by exactly one payment, decision 013). A card holds the processor's token
 * and what the customer needs to recognise it; a bank account holds its account number only encrypted
 * ({@link BankAccountCipher}, bound to the customer's id).
 */
@Entity
@Table(name = "payment_profiles")
class PaymentProfile {

    enum Status { ACTIVE, UNUSABLE, DELETED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long customerId;
    @Enumerated(EnumType.STRING)
    private PaymentChannel kind;
    private String nickname;
    private String holderName;
    private String billingZip;
    private String cardToken;
    private String cardBrand;
    private Integer cardExpMonth;
    private Integer cardExpYear;
    private String bankRoutingNumber;
    private String bankAccountSecret;
    @Enumerated(EnumType.STRING)
    private BankAccountKind bankAccountType;
    private String lastFour;
    @Column(name = "is_primary")
    private boolean primary;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String statusReason;
    @Version
    private long version;
    private boolean onFile;
    private Instant usedAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected PaymentProfile() {
    }

    static PaymentProfile card(long customerId, boolean onFile, String nickname, String holderName, String billingZip,
                               String token, String brand, String lastFour, int expMonth, int expYear, Instant now) {
        PaymentProfile profile = new PaymentProfile(customerId, PaymentChannel.CARD, onFile, nickname, holderName,
                lastFour, now);
        profile.billingZip = billingZip;
        profile.cardToken = token;
        profile.cardBrand = brand;
        profile.cardExpMonth = expMonth;
        profile.cardExpYear = expYear;
        return profile;
    }

    static PaymentProfile bank(long customerId, boolean onFile, String nickname, String holderName,
                               String routingNumber, String accountSecret, BankAccountKind type, String lastFour,
                               Instant now) {
        PaymentProfile profile = new PaymentProfile(customerId, PaymentChannel.BANK, onFile, nickname, holderName,
                lastFour, now);
        profile.bankRoutingNumber = routingNumber;
        profile.bankAccountSecret = accountSecret;
        profile.bankAccountType = type;
        return profile;
    }

    private PaymentProfile(long customerId, PaymentChannel kind, boolean onFile, String nickname, String holderName,
                           String lastFour, Instant now) {
        this.customerId = customerId;
        this.kind = kind;
        this.onFile = onFile;
        this.nickname = nickname;
        this.holderName = holderName;
        this.lastFour = lastFour;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    PaymentChannel kind() {
        return kind;
    }

    String cardToken() {
        return cardToken;
    }

    String bankRoutingNumber() {
        return bankRoutingNumber;
    }

    String bankAccountSecret() {
        return bankAccountSecret;
    }

    BankAccountKind bankAccountType() {
        return bankAccountType;
    }

    String holderName() {
        return holderName;
    }

    String lastFour() {
        return lastFour;
    }

    boolean primary() {
        return primary;
    }

    Status status() {
        return status;
    }

    String statusReason() {
        return statusReason;
    }

    boolean usable() {
        return status == Status.ACTIVE;
    }

    /** Saved by the customer; false for a method entered for one payment. */
    boolean onFile() {
        return onFile;
    }

    /** A one-time method whose payment was made: nothing else may be paid with it. */
    boolean usedUp() {
        return !onFile && usedAt != null;
    }

    /**
     * Records that the payment this one-time method was entered for is being made. Refused when it already
     * was; a method on file is never used up.
     */
    void useForPayment(Instant now) {
        if (onFile) {
            return;
        }
        if (usedAt != null) {
            throw new IllegalStateException("One-time payment method " + id + " was used already");
        }
        this.usedAt = now;
        this.updatedAt = now;
    }

    /** "Visa •••• 4242" or "Checking •••• 6789": the only way a profile is ever named on screen or paper. */
    String label() {
        String what = kind == PaymentChannel.CARD ? cardBrand : bankAccountType.label();
        return what + " •••• " + lastFour;
    }

    void edit(String nickname, String holderName, String billingZip, Instant now) {
        this.nickname = nickname;
        this.holderName = holderName;
        if (kind == PaymentChannel.CARD) {
            this.billingZip = billingZip;
        }
        this.updatedAt = now;
    }

    void makePrimary(boolean on, Instant now) {
        this.primary = on;
        this.updatedAt = now;
    }

    void delete(Instant now) {
        this.status = Status.DELETED;
        this.primary = false;
        this.updatedAt = now;
    }

    void markUnusable(String reason, Instant now) {
        if (status == Status.ACTIVE) {
            this.status = Status.UNUSABLE;
        }
        this.statusReason = reason;
        this.primary = false;
        this.updatedAt = now;
    }

    PaymentMethod toMethod() {
        return new PaymentMethod(id, customerId, kind, label(), usable(), statusReason,
                kind == PaymentChannel.CARD ? YearMonth.of(cardExpYear, cardExpMonth) : null, cardToken, onFile);
    }

    /** What the outbound events say of it: last four only (decision 029). */
    ProfileMessage toMessage() {
        return new ProfileMessage(id, customerId, kind, kind == PaymentChannel.CARD ? cardBrand : bankAccountType.label(),
                lastFour, cardExpMonth, cardExpYear, primary, status.name());
    }

    ProfileSummary toSummary() {
        return new ProfileSummary(id, kind, label(), nickname, holderName, cardBrand, lastFour, cardExpMonth,
                cardExpYear, billingZip, bankAccountType, bankRoutingNumber, primary, status == Status.ACTIVE,
                statusReason, onFile);
    }
}
