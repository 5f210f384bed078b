package io.borrowerportal.payment;

/**
 * Where a payment is in its life. Scheduled → (processing →) completed or declined for a card;
 * scheduled → pending → completed or returned for a bank payment; a scheduled payment can be cancelled.
 */
public enum PaymentStatus {
    /** Dated in the future; nothing has moved yet and the customer can still cancel it. */
    SCHEDULED("Scheduled"),
    /** Sent to the card processor; waiting for (or re-checking) its answer. */
    PROCESSING("Processing"),
    /** Applied to the loan; the bank debit has not settled yet and can still be returned. */
    PENDING("Pending"),
    COMPLETED("Completed"),
    /** Refused by the card issuer; nothing was charged or applied. */
    DECLINED("Declined"),
    /** The bank sent the debit back; the payment was reversed on the loan. */
    RETURNED("Returned"),
    CANCELLED("Cancelled");

    private final String label;

    PaymentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
