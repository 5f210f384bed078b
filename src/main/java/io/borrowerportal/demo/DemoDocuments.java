package io.borrowerportal.demo;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.common.PdfWriter;
import io.borrowerportal.document.CategoryDetail;
import io.borrowerportal.document.DocumentCategories;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.document.SharedDocument;
import io.borrowerportal.document.StaffDocuments;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;

/**
 * The demo lender's shared documents: on each of Jane's loans, the loan agreement (naming the loan's terms, as
 * the engine booked them) in "Loan Documents" and a welcome letter in "Correspondence", shared by the demo staff
 * member through the staff service, as staff would share them (so the borrowers are emailed, as they would be).
 * Statements are written by the statement job, not here.
 */
@Component
class DemoDocuments {

    static final String STAFF = "staff@example.com";
    private static final float LABEL_WIDTH = 170;

    private record DemoLoan(String loanNumber, String productName, String collateral, List<String> borrowers) {
    }

    private static final List<DemoLoan> JANES_LOANS = List.of(
            new DemoLoan("AUTO-100482", "Auto loan", "2022 Honda Civic, VIN 2HGFE2F59NH512345",
                    List.of("Jane Borrower (borrower)", "Sam Borrower (co-borrower)")),
            new DemoLoan("PL-200731", "Personal loan", null, List.of("Jane Borrower (borrower)")));

    private final StaffDocuments documents;
    private final DocumentCategories categories;
    private final LoanServicing servicing;
    private final SettingsService settings;
    private final DemoSignIn signIn;

    DemoDocuments(StaffDocuments documents, DocumentCategories categories, LoanServicing servicing,
                  SettingsService settings, DemoSignIn signIn) {
        this.documents = documents;
        this.categories = categories;
        this.servicing = servicing;
        this.settings = settings;
        this.signIn = signIn;
    }

    /** Shares the demo documents; called once, after the demo loans are booked and committed. */
    void share() {
        WebsiteSettings lender = settings.current();
        for (DemoLoan loan : JANES_LOANS) {
            LoanTerms terms = SystemTask.call(() -> servicing.terms(loan.loanNumber()));
            byte[] agreement = agreement(lender, loan, terms);
            byte[] welcome = welcomeLetter(lender, loan, terms);
            signIn.run(STAFF, () -> {
                documents.share(new SharedDocument(loan.loanNumber(), category("Loan Documents"), "Loan agreement",
                        loan.productName() + " agreement signed " + Dates.LONG.format(terms.startDate()),
                        "loan-agreement.pdf"), FileContent.of(agreement));
                documents.share(new SharedDocument(loan.loanNumber(), category("Correspondence"), "Welcome letter",
                        "How to pay and where to find your documents online", "welcome-letter.pdf"),
                        FileContent.of(welcome));
            });
        }
    }

    static byte[] agreement(WebsiteSettings lender, DemoLoan loan, LoanTerms terms) {
        String title = loan.collateral() == null ? "Personal Loan Agreement" : "Retail Installment Contract and Security Agreement";
        return PdfWriter.write(title + " " + loan.loanNumber(), lender.lenderName(), "Loan agreement",
                lender.lenderName() + " · Loan " + loan.loanNumber(), pdf -> {
                    PDFont bold = pdf.bold();
                    PDFont regular = pdf.regular();
                    pdf.line(lender.lenderName(), bold, 11, 0);
                    pdf.line(title, bold, 18, 10);
                    pdf.gap(10);
                    pdf.field("Loan number", loan.loanNumber(), bold, 10, LABEL_WIDTH, 15);
                    for (int i = 0; i < loan.borrowers().size(); i++) {
                        pdf.field(i == 0 ? "Borrowers" : "", loan.borrowers().get(i), regular, 10, LABEL_WIDTH, 15);
                    }
                    pdf.field("Agreement date", Dates.LONG.format(terms.startDate()), regular, 10, LABEL_WIDTH, 15);
                    pdf.field("Amount financed", Money.format(terms.principal()), regular, 10, LABEL_WIDTH, 15);
                    pdf.field("Annual percentage rate", terms.annualRatePercent().stripTrailingZeros().toPlainString()
                            + " % fixed", regular, 10, LABEL_WIDTH, 15);
                    pdf.field("Number of payments", terms.numberOfPayments() + " monthly payments", regular, 10,
                            LABEL_WIDTH, 15);
                    pdf.field("Monthly payment", Money.format(LoanEngine.levelPayment(terms)), bold, 10, LABEL_WIDTH, 15);
                    pdf.field("First payment due", Dates.LONG.format(terms.firstDueDate()), regular, 10, LABEL_WIDTH, 15);
                    pdf.field("Interest calculated", terms.dayCount() == DayCount.THIRTY_360
                            ? "30/360 (each month counts 30 days)" : "Actual/365 (on the days elapsed)", regular, 10,
                            LABEL_WIDTH, 15);
                    if (loan.collateral() != null) {
                        pdf.field("Collateral", loan.collateral(), regular, 10, LABEL_WIDTH, 15);
                    }
                    pdf.gap(12);
                    section(pdf, "1. Promise to pay", "You promise to pay " + lender.lenderName() + " the amount financed "
                            + "with interest at the annual percentage rate above, in " + terms.numberOfPayments()
                            + " monthly payments of " + Money.format(LoanEngine.levelPayment(terms)) + ", due on the "
                            + ordinal(terms.firstDueDate().getDayOfMonth()) + " day of each month starting "
                            + Dates.LONG.format(terms.firstDueDate()) + ". The last payment may differ by the rounding "
                            + "of interest.");
                    section(pdf, "2. How payments are applied", "Each payment pays fees first, then interest accrued "
                            + "to the day it is received, then principal. A payment of principal only reduces the "
                            + "balance on the day it is received and does not change the payment amount.");
                    section(pdf, "3. Late and returned payments", "A payment not received within 10 days of its due "
                            + "date is charged a late fee of $25.00. A payment your bank returns is reversed and "
                            + "charged a returned payment fee of $25.00.");
                    section(pdf, "4. Paying early", "You may pay the whole balance or part of it at any time without "
                            + "a penalty. A payoff quote on the customer website names the amount good through a date.");
                    if (loan.collateral() != null) {
                        section(pdf, "5. Security and insurance", "You give " + lender.lenderName() + " a security "
                                + "interest in the vehicle above until the loan is paid. You keep it insured against "
                                + "physical damage with a deductible of no more than $1,000.00 and send proof of "
                                + "insurance when the policy renews.");
                    }
                    section(pdf, "Signatures", "Signed electronically by each borrower named above on "
                            + Dates.LONG.format(terms.startDate()) + ". This copy is kept on the customer website "
                            + "for the life of the loan.");
                });
    }

    static byte[] welcomeLetter(WebsiteSettings lender, DemoLoan loan, LoanTerms terms) {
        return PdfWriter.write("Welcome letter " + loan.loanNumber(), lender.lenderName(), "Welcome letter",
                lender.lenderName() + " · " + lender.supportPhone(), pdf -> {
                    PDFont bold = pdf.bold();
                    pdf.line(lender.lenderName(), bold, 16, 0);
                    pdf.line(Dates.LONG.format(terms.startDate()), pdf.regular(), 10, 8);
                    pdf.gap(10);
                    paragraph(pdf, "Dear " + String.join(" and ", loan.borrowers().stream()
                            .map(b -> b.substring(0, b.indexOf(' '))).toList()) + ",");
                    paragraph(pdf, "Welcome to " + lender.lenderName() + ". Your " + loan.productName().toLowerCase()
                            + " " + loan.loanNumber() + " of " + Money.format(terms.principal()) + " is booked, and your "
                            + "first payment of " + Money.format(LoanEngine.levelPayment(terms)) + " is due on "
                            + Dates.LONG.format(terms.firstDueDate()) + ".");
                    paragraph(pdf, "On the customer website you can see your balance and every payment, make a "
                            + "payment by card or bank account, set up AutoPay so you never miss a due date, and "
                            + "find this letter, your loan agreement and your monthly statements on the Documents tab.");
                    paragraph(pdf, "Questions? Call us at " + lender.supportPhone() + " or write to "
                            + lender.supportEmail() + ". We are glad to have you with us.");
                    paragraph(pdf, "Sincerely,\nCustomer Care\n" + lender.lenderName());
                });
    }

    private static void section(PdfWriter pdf, String heading, String text) throws IOException {
        pdf.keepTogether(50);
        pdf.line(heading, pdf.bold(), 11, 8);
        pdf.paragraph(text, pdf.regular(), 10, 14, PdfWriter.MARGIN, PdfWriter.WIDTH);
        pdf.gap(4);
    }

    private static void paragraph(PdfWriter pdf, String text) throws IOException {
        pdf.paragraph(text, pdf.regular(), 11, 16, PdfWriter.MARGIN, PdfWriter.WIDTH);
        pdf.gap(10);
    }

    private static String ordinal(int day) {
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th"
                : switch (day % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return day + suffix;
    }

    private long category(String name) {
        return categories.categories().stream().filter(c -> c.name().equals(name)).map(CategoryDetail::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo lender has no \"" + name + "\" category"));
    }
}
