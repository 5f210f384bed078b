package io.borrowerportal.account;

import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionExportsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 5);

    @Test
    void history_csv_has_the_header_and_one_plain_line_per_row() {
        HistoryRow payment = row(2, EntryType.PAYMENT, LocalDate.of(2026, 2, 1), "Monthly payment",
                "312.45", "250.00", "62.45", "0.00", "9750.00", false);

        String csv = csv(TransactionExports.historyCsv(List.of(payment)));

        assertThat(csv.split("\r\n")).containsExactly(
                "Date,Type,Description,Amount,Principal,Interest,Fees,Principal balance after,Status",
                "2026-02-01,Payment,Monthly payment,312.45,250.00,62.45,0.00,9750.00,Posted");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void reversed_rows_say_reversed_and_large_amounts_have_no_grouping() {
        HistoryRow disbursement = row(1, EntryType.DISBURSEMENT, LocalDate.of(2026, 1, 2), "Loan proceeds",
                "12000", "12000", "0", "0", "12000", true);

        String line = csv(TransactionExports.historyCsv(List.of(disbursement))).split("\r\n")[1];

        assertThat(line).isEqualTo("2026-01-02,Disbursement,Loan proceeds,12000.00,12000.00,0.00,0.00,12000.00,Reversed");
    }

    @Test
    void text_with_a_comma_a_quote_or_a_newline_is_quoted() {
        HistoryRow fee = row(3, EntryType.FEE, LocalDate.of(2026, 2, 20), "Late fee, \"February\"\nwaived later",
                "25.00", "0.00", "0.00", "25.00", "9750.00", false);

        String csv = csv(TransactionExports.historyCsv(List.of(fee)));

        assertThat(csv).contains("2026-02-20,Fee,\"Late fee, \"\"February\"\"\nwaived later\",25.00,0.00,0.00,25.00,9750.00,Posted\r\n");
    }

    @Test
    void a_description_that_looks_like_a_formula_is_defused_but_negative_amounts_stay_numbers() {
        HistoryRow reversal = row(4, EntryType.REVERSAL, LocalDate.of(2026, 2, 1), "=HYPERLINK(\"http://evil\")",
                "-12.50", "-10.00", "-2.50", "0.00", "9760.00", false);
        HistoryRow adjustment = row(5, EntryType.ADJUSTMENT, LocalDate.of(2026, 2, 2), "-1+2",
                "-1.00", "-1.00", "0.00", "0.00", "9759.00", false);
        HistoryRow at = row(6, EntryType.ADJUSTMENT, LocalDate.of(2026, 2, 3), "@SUM(A1)",
                "1.00", "1.00", "0.00", "0.00", "9760.00", false);

        String[] lines = csv(TransactionExports.historyCsv(List.of(reversal, adjustment, at))).split("\r\n");

        assertThat(lines[1]).isEqualTo(
                "2026-02-01,Reversal,\"'=HYPERLINK(\"\"http://evil\"\")\",-12.50,-10.00,-2.50,0.00,9760.00,Posted");
        assertThat(lines[2]).isEqualTo("2026-02-02,Adjustment,'-1+2,-1.00,-1.00,0.00,0.00,9759.00,Posted");
        assertThat(lines[3]).startsWith("2026-02-03,Adjustment,'@SUM(A1),");
    }

    @Test
    void forecast_csv_has_the_header_and_one_line_per_installment() {
        Installment next = new Installment(7, LocalDate.of(2026, 4, 1), new BigDecimal("312.45"),
                new BigDecimal("251.10"), new BigDecimal("61.35"), new BigDecimal("0.00"), new BigDecimal("9498.90"));

        String csv = csv(TransactionExports.forecastCsv(List.of(next)));

        assertThat(csv).isEqualTo("Due date,Payment,Principal,Interest,Fees,Balance after\r\n"
                + "2026-04-01,312.45,251.10,61.35,0.00,9498.90\r\n");
    }

    @Test
    void the_pdf_reads_back_with_lender_loan_both_tables_and_dollar_amounts() throws IOException {
        List<HistoryRow> history = List.of(
                row(1, EntryType.DISBURSEMENT, LocalDate.of(2025, 1, 2), "Loan proceeds",
                        "12000.00", "12000.00", "0.00", "0.00", "12000.00", false),
                row(2, EntryType.PAYMENT, LocalDate.of(2025, 2, 2), "Payment",
                        "-12.50", "-12.50", "0.00", "0.00", "12012.50", true));
        List<Installment> forecast = List.of(new Installment(1, LocalDate.of(2026, 4, 1),
                new BigDecimal("312.45"), new BigDecimal("251.10"), new BigDecimal("61.35"),
                new BigDecimal("0.00"), new BigDecimal("1234.56")));

        byte[] pdf = TransactionExports.pdf(header("Jane Q. Borrower"), history, forecast);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("two history rows and one forecast row").isEqualTo(1);
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Acme Consumer Finance");
            assertThat(document.getDocumentInformation().getTitle()).contains("LN-000123");
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Acme Consumer Finance", "LN-000123", "Transaction history",
                    "Payment forecast", "Prepared for Jane Q. Borrower on March 5, 2026",
                    "$12,000.00", "$1,234.56", "-$12.50", "(reversed)", "Page 1 of 1");
        }
    }

    @Test
    void four_hundred_rows_run_over_several_pages_and_every_page_is_numbered() throws IOException {
        List<HistoryRow> history = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            history.add(row(i + 1, EntryType.PAYMENT, LocalDate.of(2020, 1, 1).plusDays(i), "Payment",
                    "100.00", "80.00", "20.00", "0.00", "5000.00", false));
        }

        byte[] pdf = TransactionExports.pdf(header("Jane"), history, List.of());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(text).as("page %d", page).contains("Page " + page + " of " + pages, "Acme Consumer Finance");
                if (page > 1) {
                    // The column header repeats on every page the history continues on.
                    assertThat(text).as("page %d", page).contains("Balance after");
                }
            }
        }
    }

    @Test
    void a_name_with_emoji_or_cjk_characters_still_gives_a_statement() throws IOException {
        StatementHeader header = new StatementHeader("Acme Consumer Finance 💰", "LN-000123",
                "Personal loan — 36 months\t", "山田 太郎 🙂 Zoë", AS_OF, figures());

        byte[] pdf = TransactionExports.pdf(header, List.of(), List.of());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Prepared for ?? ?? ? Zoë", "No transactions have been posted yet.");
        }
    }

    private static String csv(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static HistoryRow row(long id, EntryType type, LocalDate date, String description, String amount,
                                  String principal, String interest, String fees, String balanceAfter,
                                  boolean reversed) {
        LedgerEntry entry = new LedgerEntry(id, type, date, new BigDecimal(amount), new BigDecimal(principal),
                new BigDecimal(interest), new BigDecimal(fees), null, description);
        return new HistoryRow(entry, new BigDecimal(balanceAfter), reversed);
    }

    private static StatementHeader header(String customerName) {
        return new StatementHeader("Acme Consumer Finance", "LN-000123", "Personal loan — 36 months",
                customerName, AS_OF, figures());
    }

    private static LoanFigures figures() {
        return new LoanFigures(AS_OF, LoanStatus.CURRENT, new BigDecimal("12000.00"), new BigDecimal("7.50"),
                new BigDecimal("373.28"), new BigDecimal("9750.00"), new BigDecimal("20.03"), BigDecimal.ZERO,
                new BigDecimal("9770.03"), new BigDecimal("2.00"), BigDecimal.ZERO, new BigDecimal("373.28"),
                LocalDate.of(2026, 4, 1), new BigDecimal("373.28"), 0, 6, 30, LocalDate.of(2028, 1, 1),
                LocalDate.of(2028, 10, 1), LocalDate.of(2026, 3, 1), new BigDecimal("373.28"),
                new BigDecimal("18.8"));
    }
}
