package io.borrowerportal.payment.ui;

import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;

/** Test data for the payment views: the tests share one database, so every profile gets its own nickname. */
final class PaymentUiFixtures {

    static final String APPROVING_CARD = "4242424242424242";
    static final String DECLINING_CARD = "4000000000000002";

    private PaymentUiFixtures() {
    }

    static ProfileSummary card(PaymentProfileService profiles, String purpose) {
        return profiles.addCard(new NewCardProfile(PaymentFixtures.nickname(purpose), "Jane Borrower", APPROVING_CARD,
                12, 2030, "123", "12345", false));
    }
}
