package io.borrowerportal.payment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentDocumentsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,18}");

    @Test
    void the_receipt_reads_back_with_confirmation_time_method_and_amounts() throws IOException {
        byte[] pdf = PaymentDocuments.receiptPdf(cardReceipt("Jane Q. Borrower", "Visa •••• 4242", null));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Payment receipt PMT-8F3K2Q7D");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Acme Consumer Finance");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Acme Consumer Finance", "(555) 010-0100", "help@acme.example",
                    "Payment receipt", "PMT-8F3K2Q7D", "Completed",
                    "Submitted December 10, 2026 at 2:05 PM EST", "LN-000123 — Personal loan",
                    "Jane Q. Borrower", "Visa •••• 4242", "Amount due",
                    "Process date December 10, 2026", "Apply date December 10, 2026",
                    "Payment amount $1,373.28", "Convenience fee $2.95", "Total charged $1,376.23",
                    "Principal $1,300.00", "Interest $61.35", "Fees $11.93", "Page 1 of 1");
        }
    }

    @Test
    void a_scheduled_bank_payment_has_no_fee_line_and_says_the_split_comes_later() throws IOException {
        PaymentReceipt scheduled = new PaymentReceipt("Acme Consumer Finance", "(555) 010-0100", null,
                "PMT-22XY9", "Scheduled", "Jane Q. Borrower", "LN-000123", "Personal loan",
                Instant.parse("2026-12-10T19:05:00Z"), NEW_YORK, LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 15),
                "Principal only", "Checking •••• 6789", new BigDecimal("500.00"), BigDecimal.ZERO,
                new BigDecimal("500.00"), null, null, null, "Bank payments settle in 2 business days.");

        String text = text(PaymentDocuments.receiptPdf(scheduled));

        assertThat(text).contains("Scheduled", "Checking •••• 6789", "Total charged $500.00",
                "shown once the payment is applied", "Bank payments settle in 2 business days.");
        assertThat(text).doesNotContain("Convenience fee", "$0.00");
    }

    @Test
    void the_receipt_never_prints_a_full_card_or_account_number() throws IOException {
        // The caller masks; if one ever forgets, the receipt still shows only the last four digits.
        String careless = "Visa 4242 4242 4242 4242";
        String text = text(PaymentDocuments.receiptPdf(cardReceipt("Jane", careless, "Paid from 000123456789012")));

        assertThat(LONG_DIGIT_RUN.matcher(text).find()).as(text).isFalse();
        assertThat(text).contains("Visa •••• 4242", "Paid from •••• 9012");
    }

    @Test
    void the_payoff_quote_states_the_parts_good_through_date_per_diem_and_where_to_send_it() throws IOException {
        byte[] pdf = PaymentDocuments.payoffQuotePdf(quote("Jane Q. Borrower"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Payoff quote for loan LN-000123, good through March 20, 2026");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Acme Consumer Finance");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("March 5, 2026", "Payoff quote for loan LN-000123", "Dear Jane Q. Borrower,",
                    "Principal balance $9,750.00", "Interest accrued through March 20, 2026 $65.20",
                    "Fees due $25.00", "Payoff amount $9,840.20",
                    "This quote is good through March 20, 2026.", "add $4.01 of interest (per-diem)",
                    "mail a check payable to Acme Consumer Finance", "Payment Processing Center",
                    "PO Box 4410", "Springfield, IL 62701", "Write your loan number, LN-000123, on the check.",
                    "returned", "Page 1 of 1");
        }
    }

    @Test
    void names_the_standard_fonts_cannot_encode_become_question_marks_instead_of_failing() throws IOException {
        String name = "Zoë Ångström 李";

        String receipt = text(PaymentDocuments.receiptPdf(cardReceipt(name, "Visa •••• 4242", null)));
        String quote = text(PaymentDocuments.payoffQuotePdf(quote(name)));

        assertThat(receipt).contains("Zoë Ångström ?");
        assertThat(quote).contains("Dear Zoë Ångström ?,");
    }

    @Test
    void a_quote_whose_parts_do_not_add_up_is_refused() {
        assertThatThrownBy(() -> new PayoffQuote("Acme", "", "", "PO Box 1", "Jane", "LN-1", "Loan",
                LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20), new BigDecimal("100.00"), new BigDecimal("1.00"),
                BigDecimal.ZERO, new BigDecimal("100.00"), new BigDecimal("0.10")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PaymentReceipt cardReceipt(String customerName, String method, String note) {
        return new PaymentReceipt("Acme Consumer Finance", "(555) 010-0100", "help@acme.example", "PMT-8F3K2Q7D",
                "Completed", customerName, "LN-000123", "Personal loan",
                Instant.parse("2026-12-10T19:05:00Z"), NEW_YORK, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10),
                "Amount due", method, new BigDecimal("1373.28"), new BigDecimal("2.95"), new BigDecimal("1376.23"),
                new BigDecimal("1300.00"), new BigDecimal("61.35"), new BigDecimal("11.93"), note);
    }

    private static PayoffQuote quote(String customerName) {
        return new PayoffQuote("Acme Consumer Finance", "(555) 010-0100", "help@acme.example",
                "Acme Consumer Finance\nPayment Processing Center\nPO Box 4410\nSpringfield, IL 62701",
                customerName, "LN-000123", "Personal loan — 36 months", LocalDate.of(2026, 3, 5),
                LocalDate.of(2026, 3, 20), new BigDecimal("9750.00"), new BigDecimal("65.20"),
                new BigDecimal("25.00"), new BigDecimal("9840.20"), new BigDecimal("4.01"));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
