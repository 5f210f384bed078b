package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentService payments;
    @Autowired
    SettingsService settings;
    @Autowired
    Clock clock;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_payment_made_in_the_test_is_listed_with_its_receipt_link() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Listed");
        PaymentSummary paid = pay(card, "25.00", null);

        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);

        Div row = $(Div.class).id("payment-" + paid.confirmationNumber());
        assertThat(row.getElement().getTextRecursively())
                .contains("$25.00", card.label(), "Custom amount", paid.status().label());
        Anchor receipt = $(Anchor.class).withClassName("payment-confirmation").withText(paid.confirmationNumber()).single();
        assertThat(receipt.getHref()).isEqualTo(AccountNavigation.payment(LOAN, paid.confirmationNumber()));
        assertThat($(Button.class).withId("cancel-" + paid.confirmationNumber()).exists()).isFalse();
        assertThat($(Paragraph.class).withId("payments-empty").exists()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_future_dated_payment_can_be_cancelled_after_confirming() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Cancel me");
        PaymentSummary scheduled = pay(card, "30.00", LocalDate.now(clock).plusDays(5));
        assertThat(scheduled.status()).isEqualTo(PaymentStatus.SCHEDULED);

        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);
        test($(Button.class).id("cancel-" + scheduled.confirmationNumber())).click();
        ConfirmDialog dialog = $(ConfirmDialog.class).id("cancel-dialog");
        assertThat(test(dialog).getText()).startsWith("Cancel the payment of $30.00 scheduled for ");
        test(dialog).confirm();

        assertThat(payments.payment(LOAN, scheduled.confirmationNumber()).status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat($(Div.class).id("payment-" + scheduled.confirmationNumber()).getElement().getTextRecursively())
                .contains("Cancelled");
        assertThat($(Button.class).withId("cancel-" + scheduled.confirmationNumber()).exists()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void keeping_the_payment_in_the_dialog_cancels_nothing() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Keep me");
        PaymentSummary scheduled = pay(card, "31.00", LocalDate.now(clock).plusDays(6));

        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);
        test($(Button.class).id("cancel-" + scheduled.confirmationNumber())).click();
        test($(ConfirmDialog.class).id("cancel-dialog")).cancel();

        assertThat(payments.payment(LOAN, scheduled.confirmationNumber()).status()).isEqualTo(PaymentStatus.SCHEDULED);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_payoff_quote_downloads_as_a_pdf() {
        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        test($(Anchor.class).id("payoff-quote")).download(pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    @WithUserDetails("sam.borrower@example.com")
    void a_loan_without_online_payments_shows_the_empty_state_and_no_payoff_quote_once_paid_off() {
        navigate("accounts/PL-100155/payments", PaymentsView.class);
        assertThat($(Paragraph.class).id("payments-empty").getText()).startsWith("No online payments on this loan yet.");
        assertThat($(Anchor.class).withId("payoff-quote").exists()).isFalse();
        assertThat($(Div.class).withId("pay-entry-points").exists()).as("nothing to pay on a paid-off loan").isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_tab_offers_a_card_payment_and_a_bank_account_payment_each_for_its_channel() {
        navigate("accounts/" + LOAN + "/payments", PaymentsView.class);

        Anchor card = $(Anchor.class).id("pay-by-card");
        Anchor bank = $(Anchor.class).id("pay-by-bank");
        assertThat(card.getText()).isEqualTo("Credit/Debit Card Payment");
        assertThat(card.getHref()).isEqualTo(AccountNavigation.makeCardPayment(LOAN))
                .isEqualTo("accounts/" + LOAN + "/pay?channel=card");
        assertThat(bank.getText()).isEqualTo("Bank Account Payment");
        assertThat(bank.getHref()).isEqualTo("accounts/" + LOAN + "/pay?channel=bank");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_channel_the_lender_does_not_take_is_not_offered_on_the_tab() {
        PaymentSettings before = settings.payments();
        asAdmin(() -> settings.updatePayments(before.withChannels(false, true)));
        try {
            navigate("accounts/" + LOAN + "/payments", PaymentsView.class);
            assertThat($(Anchor.class).withId("pay-by-card").exists()).isFalse();
            assertThat($(Anchor.class).id("pay-by-bank").getText()).isEqualTo("Bank Account Payment");
        } finally {
            asAdmin(() -> settings.updatePayments(before));
        }
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void when_the_lender_turns_payments_off_the_tab_and_the_pages_are_gone() {
        PaymentSettings before = settings.payments();
        asAdmin(() -> settings.updatePayments(before.withEnabled(false, true)));
        try {
            navigate("accounts/" + LOAN + "/summary", AccountTabView.class);
            assertThat($(Anchor.class).withId("tab-summary").exists()).isTrue();
            assertThat($(Anchor.class).withId("tab-payments").exists()).isFalse();
            assertThat($(Anchor.class).withId("make-payment").exists()).isFalse();
            navigate("accounts/" + LOAN + "/payments", NotFoundView.class);
            navigate("accounts/" + LOAN + "/pay", NotFoundView.class);
        } finally {
            asAdmin(() -> settings.updatePayments(before));
        }
    }

    private PaymentSummary pay(ProfileSummary card, String amount, LocalDate date) {
        return payments.submit(new PaymentRequest(LOAN, PaymentType.CUSTOM, new BigDecimal(amount), card.id(), date,
                PaymentFixtures.key()));
    }
}
