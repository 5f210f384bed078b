package io.borrowerportal.autopay;

import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an AutoPay does, as the wizard collects it. The service checks every part against the lender's rules.
 *
 * @param fixedAmount        the amount of each payment for {@link AutoPayAmountType#FIXED}, else ignored
 * @param startDate          the first payment's date (today or later)
 * @param numberOfPayments   how many payments from the start date on, or null for "until paid off"
 * @param lastDayOfMonth     monthly or twice a month: pay on the month's last day (see {@link AutoPaySchedule})
 * @param processOnlyWhenDue skip a date on which nothing is due on the loan
 */
public record AutoPayTerms(long profileId, AutoPayFrequency frequency, AutoPayAmountType amountType,
                           BigDecimal fixedAmount, LocalDate startDate, Integer numberOfPayments,
                           boolean lastDayOfMonth, boolean processOnlyWhenDue) {

    /** The largest number of payments an AutoPay can be set up for. */
    public static final int MAX_PAYMENTS = 600;

    public AutoPayTerms {
        if (amountType != AutoPayAmountType.FIXED) {
            fixedAmount = null;
        }
        if (frequency == AutoPayFrequency.ONE_TIME) {
            numberOfPayments = 1;
        }
        if (frequency != AutoPayFrequency.MONTHLY && frequency != AutoPayFrequency.SEMI_MONTHLY) {
            lastDayOfMonth = false;
        }
    }
}
