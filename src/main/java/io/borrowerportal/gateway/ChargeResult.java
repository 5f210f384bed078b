package io.borrowerportal.gateway;

/** How a charge ended, as far as the processor could tell us. */
public sealed interface ChargeResult {

    /** The money is captured. */
    record Approved(String reference) implements ChargeResult {
    }

    /** The issuer said no; nothing was charged. {@code message} is for the customer. */
    record Declined(String code, String message) implements ChargeResult {
    }

    /**
     * No answer we can trust (timeout, processor error): the charge may or may not have happened, so the
     * payment waits for {@link PaymentGateway#lookup} instead of being retried or called declined.
     */
    record Unknown(String detail) implements ChargeResult {
    }

    /** {@link PaymentGateway#lookup} found no charge under that key: nothing was charged. */
    record NotFound() implements ChargeResult {
    }
}
