package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.settings.PaymentType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsOnSummaryTest extends ViewTest {

    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_summary_offers_the_payoff_quote_letter() throws Exception {
        navigate("accounts/AUTO-100482/summary", AccountTabView.class);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        test($(Anchor.class).id("summary-payoff-quote")).download(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Payoff quote for loan AUTO-100482", "good through December 10, 2026");
        }
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_summary_says_when_the_balance_includes_pending_bank_payments() {
        ProfileSummary bank = profiles.myProfiles().stream().filter(p -> p.channel() == PaymentChannel.BANK)
                .findFirst().orElseThrow();
        payments.submit(new PaymentRequest("AUTO-100482", PaymentType.CUSTOM, new BigDecimal("61.00"), bank.id(), null,
                payments.options("AUTO-100482").idempotencyKey()));
        navigate("accounts/AUTO-100482/summary", AccountTabView.class);
        assertThat($(Paragraph.class).id("summary-pending").getText()).contains("$61.00", "pending");
    }

    @Test
    @WithUserDetails("sam.borrower@example.com")
    void a_paid_off_loan_has_no_payoff_quote() {
        navigate("accounts/PL-100155/summary", AccountTabView.class);
        assertThat($(Anchor.class).withId("summary-payoff-quote").exists()).isFalse();
        assertThat($(Anchor.class).withId("tab-summary").exists()).isTrue();
    }
}
