package io.borrowerportal.autopay;

import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An AutoPay as its loan's borrowers see it, with what the viewer may do with it now.
 *
 * @param method            the masked payment method, "Checking •••• 6789"
 * @param numberOfPayments  payments in all, or null for "until paid off"
 * @param nextProcessDate   when the next payment's money moves (a business day), null once it ended
 * @param mine              the viewer set it up; only they can change it
 * @param runs              what it did on each due date, newest first
 * @param history           every change, oldest first
 */
public record AutoPaySummary(String reference, String loanNumber, long profileId, String method,
                             AutoPayFrequency frequency, AutoPayAmountType amountType, BigDecimal fixedAmount,
                             LocalDate startDate, boolean lastDayOfMonth, boolean processOnlyWhenDue,
                             Integer numberOfPayments, int paymentsMade, LocalDate nextDueDate,
                             LocalDate nextProcessDate, AutoPayStatus status, String statusReason, boolean mine,
                             Instant authorizedAt, boolean canEdit, boolean canPause, boolean canResume,
                             boolean canCancel, List<Run> runs, List<Change> history) {

    public AutoPaySummary {
        runs = List.copyOf(runs);
        history = List.copyOf(history);
    }

    /** The terms as the wizard edits them; the number of payments counts those still to make. */
    public AutoPayTerms terms() {
        return new AutoPayTerms(profileId, frequency, amountType, fixedAmount,
                nextDueDate != null ? nextDueDate : startDate,
                numberOfPayments == null ? null : Math.max(1, numberOfPayments - paymentsMade),
                lastDayOfMonth, processOnlyWhenDue);
    }

    /**
     * One due date: paid (with the payment and its status now), skipped, ended or failed, and why.
     *
     * @param paymentStatus the payment's status now (it may have been declined or returned since), or null
     */
    public record Run(LocalDate dueDate, LocalDate processDate, String outcome, String confirmationNumber,
                      BigDecimal amount, PaymentStatus paymentStatus, String note) {
    }

    /** @param by "You", "Co-borrower", "Automatic" or "Lender" */
    public record Change(Instant at, String action, String detail, String by) {
    }
}
