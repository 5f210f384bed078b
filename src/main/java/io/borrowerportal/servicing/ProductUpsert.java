package io.borrowerportal.servicing;

import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;

import java.math.BigDecimal;

/**
 * A loan product as the servicer (or an admin) defines it, by its code: its name, the rate and number of payments a
 * new loan on it usually has, and what every loan booked on it reads from it (payment frequency, day count,
 * collateral; decision 034). Nulls are refused by the service, naming the field.
 */
public record ProductUpsert(String code, String name, BigDecimal defaultAnnualRatePercent,
                            Integer defaultNumberOfPayments, PaymentFrequency paymentFrequency, DayCount dayCount,
                            Boolean collateralized) {
}
