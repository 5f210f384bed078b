package io.borrowerportal.ledger;

import java.math.BigDecimal;

/** How a payment splits under the waterfall. The parts add up to the payment amount. */
public record Allocation(BigDecimal fees, BigDecimal interest, BigDecimal principal) {

    public BigDecimal total() {
        return fees.add(interest).add(principal);
    }
}
