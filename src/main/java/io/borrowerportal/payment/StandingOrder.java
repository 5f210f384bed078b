package io.borrowerportal.payment;

import java.util.Objects;

/**
 * A payment a customer arranged ahead, made by the portal on its date: "pay on this loan, with this saved
 * method, as this payer, under this key". What it pays is decided under the account's lock
 * ({@link StandingDecision}); everything else is a customer's payment like any other (rules, fee, ledger,
 * timeline, audit, email, ACH file).
 *
 * @param kind           what arranged it, in the customer's words, shown with the payment
 * @param reference      the arrangement's reference, stored with the payment
 * @param idempotencyKey one key per arrangement and date, so that date can never pay twice
 * @param payerEmail     where the payment's email goes (the caller reads a page's addresses at once), or null
 */
public record StandingOrder(String kind, String reference, long customerId, String loanNumber, long profileId,
                            String idempotencyKey, String payerEmail) {

    /**
     * Keys of standing orders start with this, and only theirs: a payment form's key never does (the server
     * issues those, decision 020), so no form can take the payment of an arrangement's date.
     */
    public static final String KEY_PREFIX = "autopay-";

    public StandingOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(loanNumber, "loanNumber");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!idempotencyKey.startsWith(KEY_PREFIX)) {
            throw new IllegalArgumentException("A standing order's key starts with " + KEY_PREFIX);
        }
    }
}
