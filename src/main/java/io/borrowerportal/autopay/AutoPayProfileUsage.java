package io.borrowerportal.autopay;

import io.borrowerportal.paymentprofile.PaymentProfileUsage;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;

/** A payment profile an AutoPay may still pay with (active, paused or suspended) cannot be deleted. */
@Component
class AutoPayProfileUsage implements PaymentProfileUsage {

    private final AutoPayRepository autopays;

    AutoPayProfileUsage(AutoPayRepository autopays) {
        this.autopays = autopays;
    }

    @Override
    public List<String> usesOf(long profileId) {
        return autopays.findByProfileIdAndStatusIn(profileId,
                        EnumSet.of(AutoPayStatus.ACTIVE, AutoPayStatus.PAUSED, AutoPayStatus.SUSPENDED)).stream()
                .map(a -> "AutoPay " + a.reference() + " (" + a.loanNumber() + ")").toList();
    }

    @Override
    public String howToRelease(int uses) {
        return "Cancel the AutoPay, or edit it to use another payment method, on the AutoPay tab.";
    }
}
