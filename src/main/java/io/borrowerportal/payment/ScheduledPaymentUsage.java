package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.PaymentProfileUsage;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/** A profile a scheduled payment (or one still processing) will pay with cannot be deleted. */
@Component
class ScheduledPaymentUsage implements PaymentProfileUsage {

    private final PaymentRepository payments;

    ScheduledPaymentUsage(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public List<String> usesOf(long profileId) {
        return payments.findByProfileIdAndStatusIn(profileId,
                        EnumSet.of(PaymentStatus.SCHEDULED, PaymentStatus.PROCESSING)).stream()
                .map(p -> "scheduled payment " + p.confirmationNumber() + " (" + p.loanNumber() + ")").toList();
    }

    @Override
    public String howToRelease(int uses) {
        return "Cancel " + (uses == 1 ? "the payment" : "the payments") + " on the Payments tab, or wait until "
                + (uses == 1 ? "it has" : "they have") + " processed.";
    }
}
