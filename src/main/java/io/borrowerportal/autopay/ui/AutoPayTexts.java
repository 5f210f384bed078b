package io.borrowerportal.autopay.ui;

import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.autopay.AutoPayWording;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.common.Dates;
import io.borrowerportal.settings.AutoPayAmountType;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

/** How the AutoPay pages word an AutoPay, from {@link AutoPayWording} so emails and pages agree. */
final class AutoPayTexts {


    private AutoPayTexts() {
    }

    /** The card's title: "Scheduled payment amount", "Current amount due", "$150.00 each time", "Payoff". */
    static String amount(AutoPaySummary a) {
        return a.amountType() == AutoPayAmountType.FIXED
                ? Formats.money(a.fixedAmount()) + " each time" : a.amountType().label();
    }

    static String frequency(AutoPaySummary a) {
        return AutoPayWording.schedule(a.frequency(), a.startDate(), a.lastDayOfMonth(), a.numberOfPayments())
                + (a.processOnlyWhenDue() ? "; skipped when nothing is due" : "");
    }

    /** "Monday, December 28, 2026 (due December 25)", or "None" once it ended. */
    static String next(AutoPaySummary a) {
        if (a.nextProcessDate() == null) {
            return "None";
        }
        String when = a.nextProcessDate().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US)
                + ", " + Formats.date(a.nextProcessDate());
        return a.nextProcessDate().equals(a.nextDueDate()) ? when
                : when + " (due " + Formats.date(a.nextDueDate()) + ", not a business day)";
    }

    static String progress(AutoPaySummary a) {
        return a.numberOfPayments() == null ? a.paymentsMade() + " (until paid off)"
                : a.paymentsMade() + " of " + a.numberOfPayments();
    }

    static String instant(Instant at, ZoneId zone) {
        return at == null ? "" : Dates.MOMENT.format(at.atZone(zone));
    }

    /** "by you", "by your co-borrower", "automatically". */
    static String by(String who) {
        return switch (who) {
            case "You" -> "by you";
            case "Automatic" -> "automatically";
            default -> "by your co-borrower";
        };
    }

    /** "December 28, 2026: Paid $512.34 (PAY-7K3M9QXD, pending)" or "...: Skipped. Nothing was due." */
    static String run(AutoPaySummary.Run run) {
        StringBuilder text = new StringBuilder(Formats.date(run.processDate())).append(": ").append(run.outcome());
        if (run.amount() != null) {
            text.append(' ').append(Formats.money(run.amount()));
        }
        if (run.confirmationNumber() != null) {
            text.append(" (").append(run.confirmationNumber());
            if (run.paymentStatus() != null) {
                text.append(", ").append(run.paymentStatus().label().toLowerCase(Locale.ROOT));
            }
            text.append(')');
        }
        if (run.note() != null) {
            text.append(". ").append(run.note());
        }
        return text.toString();
    }
}
