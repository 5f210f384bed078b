package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentReceiptViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentService payments;
    @Autowired
    Clock clock;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_card_payment_shows_its_confirmation_figures_timeline_and_pdf() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Receipt");
        PaymentSummary paid = pay(card, "42.00", null);

        navigate(AccountNavigation.payment(LOAN, paid.confirmationNumber()), PaymentReceiptView.class);

        assertThat($(H2.class).id("receipt-heading").getText()).isEqualTo(PaymentTexts.heading(paid.status()));
        assertThat($(Span.class).id("confirmation-number").getText()).isEqualTo(paid.confirmationNumber());
        assertThat($(Div.class).id("receipt-figures").getElement().getTextRecursively())
                .contains("$42.00", card.label(), "Custom amount", "Process date", "Apply date");
        assertThat($(Div.class).id("receipt-status").getElement().getTextRecursively()).contains(paid.status().label());
        assertThat($(ListItem.class).from($(OrderedList.class).id("payment-timeline")).all()).hasSize(paid.steps().size());
        assertThat($(Anchor.class).id("back-to-payments").getHref()).isEqualTo(AccountNavigation.tab(LOAN, "payments"));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        test($(Anchor.class).id("download-receipt")).download(pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_future_dated_payment_is_headed_scheduled() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Receipt later");
        PaymentSummary scheduled = pay(card, "15.00", LocalDate.now(clock).plusDays(3));
        assertThat(scheduled.status()).isEqualTo(PaymentStatus.SCHEDULED);

        navigate(AccountNavigation.payment(LOAN, scheduled.confirmationNumber()), PaymentReceiptView.class);

        assertThat($(H2.class).id("receipt-heading").getText()).isEqualTo("Payment scheduled");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void an_unknown_confirmation_number_is_not_found() {
        navigate(AccountNavigation.payment(LOAN, "PAY-NOSUCH0"), NotFoundView.class);
        assertThat($(PaymentReceiptView.class).exists()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_payment_on_another_loan_is_not_found_through_this_loan_or_by_another_customer() {
        ProfileSummary card = PaymentUiFixtures.card(profiles, "Elsewhere");
        PaymentSummary paid = pay(card, "12.00", null);

        navigate(AccountNavigation.payment("AUTO-100482", paid.confirmationNumber()), NotFoundView.class);
        SignIn.as(users, "alex.latepay@example.com");
        navigate(AccountNavigation.payment("PL-200988", paid.confirmationNumber()), NotFoundView.class);
        navigate(AccountNavigation.payment(LOAN, paid.confirmationNumber()), NotFoundView.class);
    }

    private PaymentSummary pay(ProfileSummary card, String amount, LocalDate date) {
        return payments.submit(new PaymentRequest(LOAN, PaymentType.CUSTOM, new BigDecimal(amount), card.id(), date,
                PaymentFixtures.key()));
    }
}
