package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.PaymentType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment as its borrowers and the lender's staff see it.
 *
 * @param method        the masked method, "Visa •••• 4242"
 * @param statusReason  decline or return reason, or what the payment is waiting for
 * @param principal     the split once applied; null while scheduled or declined
 * @param cancellable   true while it is scheduled and the viewer is the customer who made it
 * @param steps         its timeline, oldest first
 * @param madeBy           the standing instruction that made it (its kind and reference), or null for one made on the website
 */
public record PaymentSummary(String confirmationNumber, String loanNumber, PaymentType type, PaymentChannel channel,
                             String method, BigDecimal amount, BigDecimal convenienceFee, BigDecimal total,
                             LocalDate processDate, LocalDate applyDate, PaymentStatus status, String statusReason,
                             String returnCode, BigDecimal principal, BigDecimal interest, BigDecimal fees,
                             Instant submittedAt, String payerName, boolean cancellable, List<Step> steps,
                             String madeBy) {

    public PaymentSummary {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public record Step(Instant at, PaymentStatus status, String note) {
    }
}
