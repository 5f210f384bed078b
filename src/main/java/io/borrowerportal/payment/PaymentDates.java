package io.borrowerportal.payment;

import io.borrowerportal.common.BusinessCalendar;
import io.borrowerportal.common.Dates;
import io.borrowerportal.paymentprofile.PaymentChannel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * When a payment moves money (process date) and when it counts on the loan (apply date). A payment for today counts today; after the lender's cut-off its money moves on the
 * next business day. A future-dated payment is scheduled and counts on its date. Bank debits only move
 * on business days (weekends and Federal Reserve holidays skipped); cards move any day.
 *
 * @param scheduled true when nothing happens until the process date (the customer may still cancel)
 */
record PaymentDates(LocalDate processDate, LocalDate applyDate, boolean scheduled, boolean afterCutoff) {


    static PaymentDates of(LocalDate requested, PaymentChannel channel, LocalDateTime now, LocalTime cutoff,
                           int maxDaysAhead) {
        LocalDate today = now.toLocalDate();
        LocalDate date = requested == null ? today : requested;
        if (date.isBefore(today)) {
            throw new PaymentRefusedException("paymentDate", "The payment date cannot be in the past. Choose today or a later date.");
        }
        LocalDate latest = today.plusDays(maxDaysAhead);
        if (date.isAfter(latest)) {
            throw new PaymentRefusedException("paymentDate", maxDaysAhead == 0
                    ? "Payments cannot be scheduled ahead. Choose today."
                    : "Payments can be scheduled up to " + maxDaysAhead + " days ahead. Choose a date on or before "
                    + Dates.LONG.format(latest) + ".");
        }
        boolean bank = channel == PaymentChannel.BANK;
        if (date.isAfter(today)) {
            return new PaymentDates(bank ? BusinessCalendar.onOrAfter(date) : date, date, true, false);
        }
        return new PaymentDates(processedToday(channel, now, cutoff), today, false, !now.toLocalTime().isBefore(cutoff));
    }

    /**
     * When the money of a payment made now, for today, moves: today; for a bank debit on a weekend or holiday the
     * next business day; from the cut-off on, the next business day. A customer's payment and a standing order's alike.
     */
    static LocalDate processedToday(PaymentChannel channel, LocalDateTime now, LocalTime cutoff) {
        LocalDate today = now.toLocalDate();
        if (!now.toLocalTime().isBefore(cutoff)) {
            return BusinessCalendar.next(today);
        }
        return channel == PaymentChannel.BANK ? BusinessCalendar.onOrAfter(today) : today;
    }
}
