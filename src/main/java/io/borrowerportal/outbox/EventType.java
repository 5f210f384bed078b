package io.borrowerportal.outbox;

/**
 * What happened, as the servicing system reads it. The names are part of the published contract (feed and
 * webhooks): a new one may be added, none renamed. Each names the kind of thing its aggregate id identifies.
 */
public enum EventType {
    /** A payment exists: scheduled, sent to the card processor, or (a bank debit) applied and pending. */
    PAYMENT_CREATED(Aggregate.PAYMENT),
    /** Its money moved: a card charge approved, or a scheduled bank debit applied on its date. */
    PAYMENT_PROCESSED(Aggregate.PAYMENT),
    /** Nothing was charged (declined by the processor, method unusable on its date, a debit never sent). */
    PAYMENT_DECLINED(Aggregate.PAYMENT),
    /** A bank debit settled without a return. */
    PAYMENT_SETTLED(Aggregate.PAYMENT),
    /** The bank sent a debit back; it was reversed on the loan. */
    PAYMENT_RETURNED(Aggregate.PAYMENT),
    /** A scheduled payment will not be made. */
    PAYMENT_CANCELLED(Aggregate.PAYMENT),
    AUTOPAY_SCHEDULED(Aggregate.AUTOPAY),
    /** Its terms changed, or it was paused or resumed. */
    AUTOPAY_CHANGED(Aggregate.AUTOPAY),
    AUTOPAY_CANCELLED(Aggregate.AUTOPAY),
    PAYMENT_PROFILE_ADDED(Aggregate.PAYMENT_PROFILE),
    PAYMENT_PROFILE_REMOVED(Aggregate.PAYMENT_PROFILE),
    INSURANCE_SUBMITTED(Aggregate.INSURANCE_POLICY),
    DOCUMENT_UPLOADED(Aggregate.DOCUMENT),
    /** Email, phone or mailing address of a customer. */
    CONTACT_DETAILS_CHANGED(Aggregate.CUSTOMER);

    /** The kind of thing an event is about; its aggregate id is that thing's identifier. */
    public enum Aggregate {
        /** Identified by its confirmation number. */
        PAYMENT,
        /** Identified by its reference. */
        AUTOPAY,
        /** Identified by the portal's profile id. */
        PAYMENT_PROFILE,
        /** Identified by the portal's policy version id. */
        INSURANCE_POLICY,
        /** Identified by the portal's document id. */
        DOCUMENT,
        /** Identified by the portal's customer id. */
        CUSTOMER
    }

    private final Aggregate aggregate;

    EventType(Aggregate aggregate) {
        this.aggregate = aggregate;
    }

    public Aggregate aggregate() {
        return aggregate;
    }
}
