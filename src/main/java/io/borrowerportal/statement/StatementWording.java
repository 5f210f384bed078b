package io.borrowerportal.statement;

import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.settings.WebsiteSettings;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;

/** What a statement is called in Documents and what the email that it is ready says, in one place. */
final class StatementWording {

    private StatementWording() {
    }

    /** What the borrower owes after the statement; nothing once it is the final one. */
    static BigDecimal amountDue(StatementFigures figures) {
        return figures.finalStatement() ? Money.ZERO : figures.atPeriodEnd().amountDue();
    }

    /** "Statement, November 2026": the name in the Documents list, where the loan is already shown. */
    static String documentName(YearMonth period) {
        return "Statement, " + StatementPdf.MONTH.format(period);
    }

    static String documentDescription(String loanNumber, StatementFigures figures) {
        return "Monthly statement for loan " + loanNumber + ", " + Dates.LONG.format(figures.periodStart()) + " to "
                + Dates.LONG.format(figures.periodEnd()) + (figures.finalStatement() ? " (final statement)" : "");
    }

    /** "statement-AUTO-100482-2026-11.pdf". */
    static String fileName(String loanNumber, YearMonth period) {
        return "statement-" + loanNumber + "-" + period.toString().toLowerCase(Locale.ROOT) + ".pdf";
    }

    static String emailSubject(String loanNumber, YearMonth period) {
        return "Your " + StatementPdf.MONTH.format(period) + " statement for loan " + loanNumber + " is ready";
    }

    /**
     * The email says where the statement is, not what it says: email is not a private channel, and the balance
     * belongs behind the sign-in. A duplicate (email is at least once) is harmless.
     */
    static String emailBody(String customerName, String loanNumber, String loanTitle, StatementFigures figures,
                            WebsiteSettings lender) {
        return "Hello " + customerName + ",\n\n"
                + "Your statement for loan " + loanNumber + (loanTitle == null || loanTitle.isBlank() ? "" : " (" + loanTitle + ")")
                + " for " + Dates.LONG.format(figures.periodStart()) + " to " + Dates.LONG.format(figures.periodEnd())
                + " is ready. Sign in to the portal, open the loan and choose Documents to read or download it.\n"
                + (figures.finalStatement() ? "It is the final statement: the loan is paid off.\n" : "")
                + "\n" + lender.emailSignOff();
    }
}
