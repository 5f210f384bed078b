package io.borrowerportal.payment;

import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.common.PdfWriter;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PDFs a borrower keeps after paying: the receipt of one payment and the payoff quote letter.
 * One Letter page each, drawn with the same {@link PdfWriter} as the statement; pure functions of
 * their records, so they are tested without Spring or a database.
 */
public final class PaymentDocuments {


    /**
     * 13 to 19 digits, optionally grouped by spaces or dashes: the shape of a card or account
     * number. The receipt is only ever given masked numbers; this is the second lock on that door.
     */
    private static final Pattern FULL_NUMBER = Pattern.compile("(?<!\\d)\\d(?:[ -]?\\d){12,18}(?!\\d)");

    private static final float LABEL_WIDTH = 130;
    private static final float AMOUNT_RIGHT = PdfWriter.MARGIN + 330;
    private static final float BODY_SIZE = 10.5f;
    private static final float LINE = 17;

    private PaymentDocuments() {
    }

    /** The receipt of one payment: what was paid, how, when, and how it was applied when known. */
    public static byte[] receiptPdf(PaymentReceipt r) {
        String title = "Payment receipt " + masked(r.confirmationNumber());
        return PdfWriter.write(title, r.lenderName(), "Receipt for a payment on loan " + r.loanNumber(),
                r.lenderName(), pdf -> {
                    letterhead(pdf, r.lenderName(), r.lenderPhone(), r.lenderEmail());
                    receiptHeading(pdf, r);
                    receiptDetails(pdf, r);
                    receiptAmounts(pdf, r);
                    if (!r.note().isBlank()) {
                        pdf.gap(10);
                        pdf.grey();
                        pdf.paragraph(masked(r.note()), pdf.regular(), 9.5f, 13, PdfWriter.MARGIN, PdfWriter.WIDTH);
                        pdf.black();
                    }
                });
    }

    /**
     * The payoff quote letter: the payoff amount and its parts, good through a date, the per-diem
     * interest for each later day, and where to send the money.
     */
    public static byte[] payoffQuotePdf(PayoffQuote q) {
        String title = "Payoff quote for loan " + q.loanNumber() + ", good through " + Dates.LONG.format(q.goodThrough());
        return PdfWriter.write(title, q.lenderName(), "Payoff quote", q.lenderName(), pdf -> {
            PDFont regular = pdf.regular();
            PDFont bold = pdf.bold();
            letterhead(pdf, q.lenderName(), q.lenderPhone(), q.lenderEmail());

            pdf.gap(14);
            pdf.line(Dates.LONG.format(q.quoteDate()), regular, BODY_SIZE, 12);
            pdf.gap(10);
            if (!q.customerName().isBlank()) {
                pdf.line(q.customerName(), regular, BODY_SIZE, 6);
            }
            pdf.line(loanLine(q.loanNumber(), q.productName()), regular, BODY_SIZE, 6);

            pdf.gap(12);
            pdf.line("Payoff quote for loan " + q.loanNumber(), bold, 16, 12);
            pdf.gap(10);
            String greeting = q.customerName().isBlank() ? "Hello," : "Dear " + q.customerName() + ",";
            pdf.paragraph(greeting, regular, BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);
            pdf.paragraph("This is the amount that pays off your loan in full if we receive it by "
                            + Dates.LONG.format(q.goodThrough()) + ".",
                    regular, BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);

            pdf.gap(8);
            amountLine(pdf, "Principal balance", q.principal(), regular, BODY_SIZE);
            amountLine(pdf, "Interest accrued through " + Dates.LONG.format(q.goodThrough()), q.accruedInterest(),
                    regular, BODY_SIZE);
            amountLine(pdf, "Fees due", q.feesDue(), regular, BODY_SIZE);
            totalLine(pdf, "Payoff amount", q.payoffAmount());

            pdf.gap(12);
            pdf.paragraph("This quote is good through " + Dates.LONG.format(q.goodThrough())
                            + ". For each day after that, add " + Money.format(q.perDiem())
                            + " of interest (per-diem).",
                    regular, BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);

            pdf.gap(12);
            sectionHeading(pdf, "Where to send your payoff");
            pdf.paragraph("Pay online in the portal, or mail a check payable to " + q.lenderName() + " to:",
                    regular, BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);
            pdf.gap(2);
            pdf.paragraph(q.remittanceAddress().strip(), regular, BODY_SIZE, 14, PdfWriter.MARGIN + 18,
                    PdfWriter.WIDTH - 18);
            pdf.gap(4);
            pdf.paragraph("Write your loan number, " + q.loanNumber() + ", on the check.",
                    regular, BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);

            pdf.gap(16);
            pdf.grey();
            pdf.paragraph("This quote assumes no payment is returned and no other payment or fee posts to the loan "
                            + "after " + Dates.LONG.format(q.quoteDate()) + ". A payment that is returned, or one that "
                            + "posts after this quote, changes the payoff amount; ask us for a new quote if that happens."
                            + questions(q.lenderPhone(), q.lenderEmail()),
                    regular, 9, 12.5f, PdfWriter.MARGIN, PdfWriter.WIDTH);
            pdf.black();
        });
    }

    // ---------------------------------------------------------------- shared parts

    private static void letterhead(PdfWriter pdf, String lenderName, String phone, String email) throws IOException {
        pdf.line(lenderName, pdf.bold(), 20, 6);
        String contacts = Stream.of(phone, email).filter(s -> !s.isBlank()).collect(Collectors.joining("   ·   "));
        if (!contacts.isEmpty()) {
            pdf.grey();
            pdf.line(contacts, pdf.regular(), 10, 6);
            pdf.black();
        }
        pdf.gap(10);
        pdf.rule(PdfWriter.MARGIN, PdfWriter.RIGHT, pdf.y(), 0.75f, 0.5f);
    }

    private static void sectionHeading(PdfWriter pdf, String title) throws IOException {
        pdf.keepTogether(60);
        pdf.line(title, pdf.bold(), 12, 10);
        pdf.gap(5);
        pdf.rule(PdfWriter.MARGIN, PdfWriter.RIGHT, pdf.y(), 0.8f, 0.5f);
        pdf.gap(-1);
    }

    /** A label on the left and its amount right-aligned in the amount column, so the cents line up. */
    private static void amountLine(PdfWriter pdf, String label, BigDecimal amount, PDFont font, float size)
            throws IOException {
        pdf.keepTogether(LINE);
        pdf.gap(LINE);
        String value = Money.format(amount);
        float labelRoom = AMOUNT_RIGHT - PdfWriter.MARGIN - PdfWriter.width(value, font, size) - 12;
        pdf.text(PdfWriter.fit(label, font, size, labelRoom), font, size, PdfWriter.MARGIN, pdf.y());
        pdf.textRight(value, font, size, AMOUNT_RIGHT, pdf.y());
    }

    /** The sum under a thin rule, in bold: the one number the reader came for. */
    private static void totalLine(PdfWriter pdf, String label, BigDecimal amount) throws IOException {
        pdf.gap(6);
        pdf.rule(PdfWriter.MARGIN, AMOUNT_RIGHT, pdf.y(), 0.3f, 0.75f);
        pdf.gap(2);
        amountLine(pdf, label, amount, pdf.bold(), 12);
    }

    private static String loanLine(String loanNumber, String productName) {
        return "Loan " + loanNumber + (productName.isBlank() ? "" : " — " + productName);
    }

    private static String questions(String phone, String email) {
        if (!phone.isBlank() && !email.isBlank()) {
            return " Questions? Call " + phone + " or email " + email + ".";
        }
        if (!phone.isBlank()) {
            return " Questions? Call " + phone + ".";
        }
        return email.isBlank() ? "" : " Questions? Email " + email + ".";
    }

    // ---------------------------------------------------------------- receipt parts

    private static void receiptHeading(PdfWriter pdf, PaymentReceipt r) throws IOException {
        PDFont regular = pdf.regular();
        PDFont bold = pdf.bold();
        pdf.gap(12);
        pdf.line("Payment receipt", bold, 18, 12);
        statusBadge(pdf, masked(r.status()));

        pdf.gap(10);
        pdf.grey();
        pdf.line("Confirmation number", regular, 9, 6);
        pdf.black();
        pdf.line(masked(r.confirmationNumber()), bold, 16, 6);
        pdf.grey();
        pdf.line("Submitted " + Dates.LONG_STAMP.format(r.submittedAt().atZone(r.zone())), regular, 10, 8);
        pdf.black();
    }

    /** The status in an outlined box at the right end of the title line, where the eye checks it first. */
    private static void statusBadge(PdfWriter pdf, String status) throws IOException {
        float size = 10;
        String text = PdfWriter.fit(status, pdf.bold(), size, 160);
        float width = PdfWriter.width(text, pdf.bold(), size) + 16;
        float baseline = pdf.y() + 2;
        pdf.box(PdfWriter.RIGHT - width, baseline - 6, width, size + 10);
        pdf.textRight(text, pdf.bold(), size, PdfWriter.RIGHT - 8, baseline);
    }

    private static void receiptDetails(PdfWriter pdf, PaymentReceipt r) throws IOException {
        PDFont regular = pdf.regular();
        pdf.gap(16);
        sectionHeading(pdf, "Payment details");
        pdf.field("Loan", masked(loanLine(r.loanNumber(), r.productName()).substring("Loan ".length())),
                regular, BODY_SIZE, LABEL_WIDTH, LINE);
        if (!r.customerName().isBlank()) {
            pdf.field("Paid by", masked(r.customerName()), regular, BODY_SIZE, LABEL_WIDTH, LINE);
        }
        pdf.field("Payment method", masked(r.method()), regular, BODY_SIZE, LABEL_WIDTH, LINE);
        if (!r.paymentType().isBlank()) {
            pdf.field("Payment type", masked(r.paymentType()), regular, BODY_SIZE, LABEL_WIDTH, LINE);
        }
        pdf.field("Process date", Dates.LONG.format(r.processDate()), regular, BODY_SIZE, LABEL_WIDTH, LINE);
        pdf.field("Apply date", Dates.LONG.format(r.applyDate()), regular, BODY_SIZE, LABEL_WIDTH, LINE);
    }

    private static void receiptAmounts(PdfWriter pdf, PaymentReceipt r) throws IOException {
        PDFont regular = pdf.regular();
        pdf.gap(16);
        sectionHeading(pdf, "Amount");
        amountLine(pdf, "Payment amount", r.amount(), regular, BODY_SIZE);
        // A zero fee line only adds noise; the total already shows nothing more was charged.
        if (r.convenienceFee().signum() > 0) {
            amountLine(pdf, "Convenience fee", r.convenienceFee(), regular, BODY_SIZE);
        }
        totalLine(pdf, "Total charged", r.total());

        pdf.gap(16);
        sectionHeading(pdf, "How it applies");
        if (r.splitKnown()) {
            amountLine(pdf, "Principal", r.principal(), regular, BODY_SIZE);
            amountLine(pdf, "Interest", r.interest(), regular, BODY_SIZE);
            amountLine(pdf, "Fees", r.fees(), regular, BODY_SIZE);
        } else {
            pdf.grey();
            pdf.paragraph("The split into principal, interest and fees is shown once the payment is applied on "
                    + Dates.LONG.format(r.applyDate()) + ".", regular, BODY_SIZE, LINE, PdfWriter.MARGIN, PdfWriter.WIDTH);
            pdf.black();
        }
    }

    /** Replaces anything shaped like a full card or account number with its last four digits. */
    static String masked(String text) {
        if (text == null) {
            return "";
        }
        Matcher matcher = FULL_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[^0-9]", "");
            matcher.appendReplacement(out, Matcher.quoteReplacement("•••• " + digits.substring(digits.length() - 4)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
