package io.borrowerportal.statement;

import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement PDF holds the figures a borrower looks for, read back as text. */
class StatementPdfTest {

    private static final StatementPdf.Lender LENDER = new StatementPdf.Lender("Harbor Lending", "+1 555 0100",
            "help@harbor.example", "Harbor Lending\nPayments, PO Box 1200\nWilmington, DE 19801");

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_pdf_holds_the_period_balances_transactions_next_payment_interest_and_the_lender() throws IOException {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("24500.00", "6.9900", 60, "2025-10-05", DayCount.THIRTY_360))
                .payOnSchedule(13);
        Installment thirteenth = loan.schedule().get(12);
        assertThat(thirteenth.dueDate()).isEqualTo(LocalDate.parse("2026-11-05"));
        loan.fee(LocalDate.parse("2026-11-16"), "25.00");
        StatementFigures figures = StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2026, 11), null).orElseThrow();

        String text = text(StatementPdf.write(LENDER, "AUTO-100482", "2022 Honda Civic auto loan",
                List.of("Jane Borrower", "Sam Borrower"), figures, false));

        assertThat(text).contains("Harbor Lending", "+1 555 0100", "help@harbor.example",
                "Monthly statement, November 2026", "Statement period: November 1, 2026 to November 30, 2026",
                "Loan AUTO-100482 — 2022 Honda Civic auto loan", "Prepared for Jane Borrower and Sam Borrower",
                "PO Box 1200", "Wilmington, DE 19801", "Write your loan number, AUTO-100482, on the check.");
        assertThat(text).contains("Opening balance, November 1, 2026", Money.format(figures.openingBalance()),
                "Closing balance, November 30, 2026", Money.format(figures.closingBalance()),
                "Amount due", Money.format(figures.atPeriodEnd().amountDue()),
                "Payment due date", "December 5, 2026",
                "Interest paid this period", Money.format(figures.interestPaid()),
                "Interest paid in 2026 (year to date)", Money.format(figures.interestPaidYearToDate()),
                "Fees charged this period", "$25.00");
        assertThat(figures.interestPaid()).isEqualByComparingTo(thirteenth.interest());
        assertThat(figures.atPeriodEnd().amountDue()).isEqualByComparingTo(loan.schedule().get(13).payment().add(new BigDecimal("25.00")));

        LedgerEntry payment = figures.lines().getFirst().entry();
        assertThat(text).contains("Transactions this period",
                Dates.SHORT.format(payment.effectiveDate()) + " Payment " + Money.format(payment.amount()) + " "
                        + Money.format(payment.principal()) + " " + Money.format(payment.interest()) + " $0.00 "
                        + Money.format(figures.lines().getFirst().balanceAfter()),
                "Nov 16, 2026 Fee $25.00 $0.00 $0.00 $25.00 " + Money.format(figures.closingBalance()));
        assertThat(text).doesNotContain("final statement").doesNotContain("being updated");

        // Written while the balance is under review (decision 035): the same record, saying that it may change.
        String underReview = text(StatementPdf.write(LENDER, "AUTO-100482", "2022 Honda Civic auto loan",
                List.of("Jane Borrower", "Sam Borrower"), figures, true)).replaceAll("\\s+", " ");
        assertThat(underReview).contains("Your balance is being updated: the balances on this statement come from our "
                + "records as posted and may change. Please call +1 555 0100 with any question.",
                Money.format(figures.closingBalance()));
    }

    @Test
    void a_final_statement_says_so_and_asks_for_nothing() throws IOException {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("3000.00", "9.9900", 24, "2025-06-01", DayCount.ACTUAL_365))
                .payOnSchedule(5);
        loan.payOff(LocalDate.parse("2025-11-18"));
        StatementFigures figures = StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2025, 11), null).orElseThrow();

        String text = text(StatementPdf.write(LENDER, "PL-100155", "Personal loan", List.of("Sam Borrower"), figures, false));

        assertThat(text).contains("This is your final statement: the loan was paid off on November 18, 2025.",
                "Prepared for Sam Borrower", "Closing balance, November 30, 2025", "None (paid off)");
        assertThat(text).doesNotContain("How to pay", "on the check");
    }

    @Test
    void an_entry_posted_after_the_last_statement_is_starred_and_explained() throws IOException {
        TestLedger loan = TestLedger.disbursed(TestLedger.terms("8000.00", "11.5000", 36, "2026-01-20", DayCount.ACTUAL_365))
                .payOnSchedule(10);
        StatementFigures november = StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2026, 11), null).orElseThrow();
        loan.reverse(november.lines().getLast().entry());
        StatementFigures december = StatementFigures.of(loan.terms(), loan.entries(), YearMonth.of(2026, 12),
                november.lastEntryId()).orElseThrow();

        String text = text(StatementPdf.write(LENDER, "PL-200731", "Personal loan", List.of("Jane Borrower"), december, false));

        assertThat(text).contains("Nov 20, 2026 * Reversal", "* Dated before this period but posted after your last statement",
                "past due");
    }
}
