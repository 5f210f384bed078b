package io.borrowerportal.payment.ui;

import io.borrowerportal.payment.PaymentProfileService;
import io.borrowerportal.payment.ProfileSummary;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The "New Credit/Debit Card Profile" and "New Bank Account Profile" dialogs, for other features' pages (the
 * AutoPay wizard adds a profile without leaving the wizard). The same dialogs as on the Payment Profiles tab.
 */
public final class NewProfileDialogs {

    private NewProfileDialogs() {
    }

    public static void openCard(PaymentProfileService profiles, Clock clock, Consumer<ProfileSummary> onSaved) {
        new CardProfileDialog(profiles, clock, onSaved).open();
    }

    public static void openBank(PaymentProfileService profiles, Consumer<ProfileSummary> onSaved) {
        new BankProfileDialog(profiles, onSaved).open();
    }
}
