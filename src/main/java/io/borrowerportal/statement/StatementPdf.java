package io.borrowerportal.statement;

import io.borrowerportal.account.TransactionExports;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.common.PdfWriter;
import io.borrowerportal.common.PdfWriter.Column;
import io.borrowerportal.common.PdfWriter.Row;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanFigures;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The monthly statement as a Letter-size PDF: the lender and how to reach it, the loan and its borrowers, the
 * period's figures in a box, every transaction of the period with its split, and how to pay. A pure function of
 * its input, so it is tested without Spring by reading the text back.
 */
final class StatementPdf {

    /** "November 2026": the period as a borrower names it. */
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    private static final float BODY_SIZE = 10;
    private static final float LINE = 14;

    // Widths add up to the 504pt between the margins, as the transaction history's do.
    private static final List<Column> COLUMNS = List.of(
            new Column("Date", 64, false), new Column("Type", 116, false), new Column("Amount", 64, true),
            new Column("Principal", 64, true), new Column("Interest", 58, true), new Column("Fees", 54, true),
            new Column("Balance after", 84, true));

    /** Who writes the statement and where a mailed payment goes, from the lender's settings. */
    record Lender(String name, String phone, String email, String remittanceAddress) {
        Lender {
            Objects.requireNonNull(name, "name");
            phone = phone == null ? "" : phone;
            email = email == null ? "" : email;
            remittanceAddress = remittanceAddress == null ? "" : remittanceAddress;
        }
    }

    private StatementPdf() {
    }

    static String title(String loanNumber, StatementFigures figures) {
        return "Loan " + loanNumber + " statement, " + MONTH.format(figures.period());
    }

    /**
     * @param balanceUnderReview the balance differs from the servicing system's as the statement is written: it is
     *                           still the period's record from the ledger as posted, and says that it may change
     *                           (decision 035)
     */
    static byte[] write(Lender lender, String loanNumber, String loanTitle, List<String> customerNames,
                        StatementFigures figures, boolean balanceUnderReview) {
        return PdfWriter.write(title(loanNumber, figures), lender.name(), "Monthly statement",
                lender.name() + " · " + title(loanNumber, figures), pdf -> {
                    PDFont regular = pdf.regular();
                    PDFont bold = pdf.bold();
                    letterhead(pdf, lender);

                    pdf.gap(12);
                    pdf.line("Monthly statement, " + MONTH.format(figures.period()), bold, 16, 8);
                    pdf.line("Statement period: " + Dates.LONG.format(figures.periodStart()) + " to "
                            + Dates.LONG.format(figures.periodEnd()), regular, BODY_SIZE, 8);
                    pdf.line("Loan " + loanNumber + (loanTitle == null || loanTitle.isBlank() ? "" : " — " + loanTitle),
                            regular, BODY_SIZE, 6);
                    if (!customerNames.isEmpty()) {
                        pdf.line("Prepared for " + names(customerNames), regular, BODY_SIZE, 6);
                    }
                    pdf.gap(12);
                    summary(pdf, figures);
                    notices(pdf, figures);
                    if (balanceUnderReview) {
                        pdf.gap(6);
                        pdf.paragraph("Your balance is being updated: the balances on this statement come from our "
                                + "records as posted and may change. Please call " + lender.phone()
                                + " with any question.", pdf.bold(), BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);
                    }

                    pdf.gap(10);
                    pdf.table("Transactions this period", COLUMNS, rows(figures.lines()),
                            "No transactions were posted in this period.");
                    pdf.gap(4);
                    pdf.paragraph("Paid this period: principal " + Money.format(figures.principalPaid()) + ", interest "
                                    + Money.format(figures.interestPaid()) + ", fees " + Money.format(figures.feesPaid())
                                    + ". Balances are principal balances.",
                            regular, 9, 12, PdfWriter.MARGIN, PdfWriter.WIDTH);
                    if (figures.lines().stream().anyMatch(StatementLine::late)) {
                        pdf.paragraph("* Dated before this period but posted after your last statement was written.",
                                regular, 9, 12, PdfWriter.MARGIN, PdfWriter.WIDTH);
                    }

                    if (!figures.finalStatement()) {
                        pdf.gap(10);
                        sectionHeading(pdf, "How to pay");
                        pdf.paragraph("Pay online in the portal, or mail a check payable to " + lender.name()
                                + (lender.remittanceAddress().isBlank() ? "." : " to:"), regular, BODY_SIZE, LINE,
                                PdfWriter.MARGIN, PdfWriter.WIDTH);
                        if (!lender.remittanceAddress().isBlank()) {
                            pdf.paragraph(lender.remittanceAddress().strip(), regular, BODY_SIZE, LINE,
                                    PdfWriter.MARGIN + 18, PdfWriter.WIDTH - 18);
                        }
                        pdf.paragraph("Write your loan number, " + loanNumber + ", on the check.", regular, BODY_SIZE,
                                LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);
                    }
                    pdf.gap(10);
                    pdf.grey();
                    pdf.paragraph(questions(lender), regular, 9, 12.5f, PdfWriter.MARGIN, PdfWriter.WIDTH);
                    pdf.black();
                });
    }

    private static void letterhead(PdfWriter pdf, Lender lender) throws IOException {
        pdf.line(lender.name(), pdf.bold(), 20, 6);
        String contacts = Stream.of(lender.phone(), lender.email()).filter(s -> !s.isBlank())
                .collect(Collectors.joining("   ·   "));
        if (!contacts.isEmpty()) {
            pdf.grey();
            pdf.line(contacts, pdf.regular(), 10, 6);
            pdf.black();
        }
        pdf.gap(10);
        pdf.rule(PdfWriter.MARGIN, PdfWriter.RIGHT, pdf.y(), 0.75f, 0.5f);
    }

    /** Eight figures in a boxed two-column grid: what a borrower looks for first. */
    private static void summary(PdfWriter pdf, StatementFigures figures) throws IOException {
        LoanFigures end = figures.atPeriodEnd();
        String dueDate = figures.finalStatement() ? "None (paid off)"
                : end.nextDueDate() != null ? Dates.LONG.format(end.nextDueDate())
                : end.amountDue().signum() > 0 ? "Now" : "—";
        String[][] cells = {
                {"Opening balance, " + Dates.LONG.format(figures.periodStart()), Money.format(figures.openingBalance())},
                {"Closing balance, " + Dates.LONG.format(figures.periodEnd()), Money.format(figures.closingBalance())},
                {"Amount due", Money.format(figures.finalStatement() ? Money.ZERO : end.amountDue())},
                {"Payment due date", dueDate},
                {"Interest paid this period", Money.format(figures.interestPaid())},
                {"Interest paid in " + figures.period().getYear() + " (year to date)",
                        Money.format(figures.interestPaidYearToDate())},
                {"Fees charged this period", Money.format(figures.feesCharged())},
                {"Fees due", Money.format(end.feesDue())}};
        float rowHeight = 32;
        float boxHeight = cells.length / 2 * rowHeight + 8;
        pdf.keepTogether(boxHeight + 10);
        float boxTop = pdf.y();
        pdf.box(PdfWriter.MARGIN, boxTop - boxHeight, PdfWriter.WIDTH, boxHeight);
        float columnWidth = PdfWriter.WIDTH / 2;
        for (int i = 0; i < cells.length; i++) {
            float x = PdfWriter.MARGIN + 10 + (i % 2) * columnWidth;
            float rowTop = boxTop - 6 - (i / 2) * rowHeight;
            pdf.grey();
            pdf.text(PdfWriter.fit(cells[i][0], pdf.regular(), 8, columnWidth - 20), pdf.regular(), 8, x, rowTop - 9);
            pdf.black();
            pdf.text(PdfWriter.fit(cells[i][1], pdf.bold(), 12, columnWidth - 20), pdf.bold(), 12, x, rowTop - 24);
        }
        pdf.gap(boxHeight);
    }

    private static void notices(PdfWriter pdf, StatementFigures figures) throws IOException {
        LoanFigures end = figures.atPeriodEnd();
        String notice = null;
        if (figures.finalStatement()) {
            LocalDate paidOff = end.projectedPayoffDate();
            notice = "This is your final statement: the loan was paid off"
                    + (paidOff == null ? "" : " on " + Dates.LONG.format(paidOff)) + ". Thank you.";
        } else if (end.daysPastDue() > 0) {
            notice = "Your loan was " + end.daysPastDue() + " days past due on " + Dates.LONG.format(figures.periodEnd())
                    + ". The amount due includes " + Money.format(end.pastDueAmount()) + " past due; please pay it now.";
        }
        if (notice != null) {
            pdf.gap(6);
            pdf.paragraph(notice, pdf.bold(), BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);
        }
    }

    private static List<Row> rows(List<StatementLine> lines) {
        List<Row> rows = new ArrayList<>(lines.size());
        for (StatementLine line : lines) {
            LedgerEntry entry = line.entry();
            String type = (line.late() ? "* " : "") + TransactionExports.typeName(entry.type())
                    + (line.reversed() ? " (reversed)" : "");
            rows.add(new Row(List.of(Dates.SHORT.format(entry.effectiveDate()), type, Money.format(entry.amount()),
                    Money.format(entry.principal()), Money.format(entry.interest()), Money.format(entry.fees()),
                    Money.format(line.balanceAfter())), line.reversed()));
        }
        return rows;
    }

    private static void sectionHeading(PdfWriter pdf, String title) throws IOException {
        pdf.keepTogether(60);
        pdf.line(title, pdf.bold(), 12, 10);
        pdf.gap(5);
        pdf.rule(PdfWriter.MARGIN, PdfWriter.RIGHT, pdf.y(), 0.8f, 0.5f);
    }

    private static String questions(Lender lender) {
        List<String> ways = new ArrayList<>();
        if (!lender.phone().isBlank()) {
            ways.add("call " + lender.phone());
        }
        if (!lender.email().isBlank()) {
            ways.add("write to " + lender.email());
        }
        return "Questions about this statement? " + (ways.isEmpty() ? "Contact " + lender.name() + "."
                : "Please " + String.join(" or ", ways) + ". " + lender.name() + ".");
    }

    /** "Jane Borrower", "Jane Borrower and Sam Borrower", "A, B and C". */
    static String names(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}
