package io.borrowerportal.gateway;

import java.math.BigDecimal;

/**
 * One charge of a tokenized card. The idempotency key goes to the processor, so a retry after a timeout
 * finds the first attempt instead of charging twice.
 */
public record ChargeRequest(String token, BigDecimal amount, String idempotencyKey, String description) {
}
