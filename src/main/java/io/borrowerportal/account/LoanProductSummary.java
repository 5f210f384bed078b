package io.borrowerportal.account;

import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;

import java.math.BigDecimal;

/**
 * A loan product as it stands, with how many loans are booked on it (while any are, its payment frequency, day
 * count and collateral stay as they are, decision 034) and its version, which an editor sends back so that it never
 * overwrites a change it did not see.
 */
public record LoanProductSummary(String code, String name, BigDecimal defaultAnnualRatePercent,
                                 int defaultNumberOfPayments, PaymentFrequency paymentFrequency, DayCount dayCount,
                                 boolean collateralized, long loansBooked, long version) {

    public boolean inUse() {
        return loansBooked > 0;
    }
}
