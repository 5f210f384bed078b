package io.borrowerportal.gateway;

/**
 * The card processor, as the portal needs it. Implementations must not log card numbers or CVVs and must
 * treat the idempotency key as the processor's own (charging a key twice returns the first result).
 */
public interface PaymentGateway {

    /** Verifies the card (number, expiry, CVV, ZIP) and returns a token; the CVV is used here only. */
    Tokenization tokenize(CardDetails card);

    ChargeResult charge(ChargeRequest request);

    /** The outcome of an earlier charge by its idempotency key, for payments left waiting by an Unknown. */
    ChargeResult lookup(String idempotencyKey);
}
