package io.borrowerportal.autopay;

import io.borrowerportal.outbox.Payloads;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An AutoPay as the servicing system reads it in an outbound event (decision 029): its instruction as it stands
 * after the change. The method appears by its channel and last four digits only.
 *
 * @param action what happened, in AutoPay's own words (a pause or a suspension is an AUTOPAY_CHANGED event)
 */
record AutoPayMessage(String reference, String loanNumber, String action, AutoPayStatus status, String statusReason,
                      PaymentChannel channel, String methodLastFour, AutoPayFrequency frequency,
                      AutoPayAmountType amountType, BigDecimal fixedAmount, LocalDate startDate, boolean lastDayOfMonth,
                      Integer numberOfPayments, int paymentsMade, LocalDate nextDueDate, LocalDate nextProcessDate,
                      String authorizationVersion) {

    static AutoPayMessage of(AutoPay autopay, AutoPayEvent.Action action) {
        return new AutoPayMessage(autopay.reference(), autopay.loanNumber(), action.name(), autopay.status(),
                autopay.statusReason(), autopay.channel(), Payloads.lastFour(autopay.methodLabel()), autopay.frequency(),
                autopay.amountType(), autopay.fixedAmount(), autopay.startDate(), autopay.lastDayOfMonth(),
                autopay.numberOfPayments(), autopay.paymentsMade(), autopay.nextDueDate(), autopay.nextProcessDate(),
                autopay.authorizationVersion());
    }
}
