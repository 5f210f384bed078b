package io.borrowerportal.payment;

import io.borrowerportal.outbox.Payloads;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment as the servicing system reads it in an outbound event (decision 029): what it needs to post it or
 * update it, matched by the confirmation number. The method appears by its channel and last four digits only.
 *
 * @param amount         applied to the loan (the convenience fee apart)
 * @param principal      the split as applied, or null until it was applied (and after nothing was)
 * @param returnCode     the bank's R-code of a returned debit, else null
 * @param standingOrder  the standing instruction that made it ("AUTOPAY AP-…"), or null for a payment made on the
 *                       website
 */
record PaymentMessage(String confirmationNumber, String loanNumber, PaymentStatus status, String statusReason,
                      PaymentChannel channel, String methodLastFour, PaymentType paymentType, BigDecimal amount,
                      BigDecimal convenienceFee, LocalDate processDate, LocalDate applyDate, BigDecimal principal,
                      BigDecimal interest, BigDecimal fees, String returnCode, String standingOrder) {

    static PaymentMessage of(Payment payment) {
        return new PaymentMessage(payment.confirmationNumber(), payment.loanNumber(), payment.status(),
                payment.statusReason(), payment.channel(), Payloads.lastFour(payment.methodLabel()),
                payment.paymentType(), payment.amount(), payment.convenienceFee(), payment.processDate(),
                payment.applyDate(), payment.principal(), payment.interest(), payment.fees(), payment.returnCode(),
                payment.madeBy());
    }
}
