package io.borrowerportal.payment;

/**
 * Where a payment is in its life. Scheduled → (processing →) completed or declined for a card;
 * scheduled → pending → completed or returned for a bank payment; a scheduled payment can be cancelled.
 */
public enum PaymentStatus {
    /** Dated in the future; nothing has moved yet and the customer can still cancel it. */
    SCHEDULED("Scheduled", false),
    /** Sent to the card processor; waiting for (or re-checking) its answer. */
    PROCESSING("Processing", false),
    /** Applied to the loan; the bank debit has not settled yet and can still be returned. */
    PENDING("Pending", false),
    COMPLETED("Completed", true),
    /** Refused by the card issuer; nothing was charged or applied. */
    DECLINED("Declined", true),
    /** The bank sent the debit back; the payment was reversed on the loan. */
    RETURNED("Returned", true),
    CANCELLED("Cancelled", true);

    private final String label;
    private final boolean isFinal;

    PaymentStatus(String label, boolean isFinal) {
        this.label = label;
        this.isFinal = isFinal;
    }

    public String label() {
        return label;
    }

    /** True once nothing more will happen to the payment (a completed bank payment can still be returned). */
    public boolean isFinal() {
        return isFinal;
    }
}
