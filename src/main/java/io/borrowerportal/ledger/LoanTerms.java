package io.borrowerportal.ledger;

import io.borrowerportal.common.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The contract terms of a fixed-rate installment loan.
 *
 * @param principal          amount disbursed, in dollars with two decimals
 * @param annualRatePercent  annual interest rate as a percentage with up to four decimals (9.4822 = 9.4822 %)
 * @param numberOfPayments   scheduled installments
 * @param startDate          date interest starts to accrue (disbursement)
 * @param firstDueDate       due date of installment 1; later ones fall on the same day of the month
 */
public record LoanTerms(BigDecimal principal, BigDecimal annualRatePercent, int numberOfPayments,
                        LocalDate startDate, LocalDate firstDueDate, PaymentFrequency frequency, DayCount dayCount) {

    public static final int RATE_SCALE = 4;
    public static final int MAX_PAYMENTS = 600;
    /** The rule of {@link #validRate}, in the words shown wherever a rate is refused. */
    public static final String RATE_RULE = "Must be a percentage from 0 to under 100 with at most four decimals.";

    public LoanTerms {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(firstDueDate, "firstDueDate");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(dayCount, "dayCount");
        principal = Money.requireCents(principal);
        if (principal.signum() <= 0) {
            throw new IllegalArgumentException("Principal must be positive");
        }
        Objects.requireNonNull(annualRatePercent, "annualRatePercent");
        if (annualRatePercent.signum() < 0 || annualRatePercent.compareTo(new BigDecimal("100")) >= 0) {
            throw new IllegalArgumentException("Annual rate must be from 0 to under 100 percent");
        }
        if (annualRatePercent.stripTrailingZeros().scale() > RATE_SCALE) {
            throw new IllegalArgumentException("Annual rate has at most four decimals");
        }
        annualRatePercent = annualRatePercent.setScale(RATE_SCALE);
        if (numberOfPayments < 1 || numberOfPayments > MAX_PAYMENTS) {
            throw new IllegalArgumentException("Number of payments must be 1 to " + MAX_PAYMENTS);
        }
        if (!firstDueDate.isAfter(startDate)) {
            throw new IllegalArgumentException("First due date must be after the start date");
        }
    }

    /** Whether an annual rate in percent is one a loan may have: 0 to under 100, at most four decimals. */
    public static boolean validRate(BigDecimal annualRatePercent) {
        return annualRatePercent != null && annualRatePercent.signum() >= 0
                && annualRatePercent.compareTo(new BigDecimal("100")) < 0
                && annualRatePercent.stripTrailingZeros().scale() <= RATE_SCALE;
    }
}
