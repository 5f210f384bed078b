package io.borrowerportal.account;

import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;

/** What a loan product fixes for every loan booked on it. */
public record ProductTerms(String code, PaymentFrequency frequency, DayCount dayCount, boolean collateralized) {
}
