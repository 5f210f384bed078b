package io.borrowerportal.autopay;

import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.FeeRule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * AutoPay in words, the same on the website, in emails and in the authorization the customer accepts. The
 * authorization's wording is versioned: a change to {@link #authorization} needs a new {@link #VERSION}, so
 * the stored version always says which wording a customer accepted.
 */
public final class AutoPayWording {

    static final String VERSION = "AUTOPAY-2026-12";

    private AutoPayWording() {
    }

    /** "Monthly on the 25th, from December 25, 2026, until the loan is paid off". */
    public static String schedule(AutoPayFrequency frequency, LocalDate start, boolean lastDayOfMonth, Integer payments) {
        String when = switch (frequency) {
            case ONE_TIME -> "Once, on " + Dates.day(start);
            case WEEKLY -> "Every week on " + weekday(start) + ", from " + Dates.day(start);
            case BIWEEKLY -> "Every two weeks on " + weekday(start) + ", from " + Dates.day(start);
            case SEMI_MONTHLY -> "Twice a month, on " + semiMonthlyDays(start, lastDayOfMonth) + ", from " + Dates.day(start);
            case MONTHLY -> "Monthly on " + monthlyDay(start, lastDayOfMonth) + ", from " + Dates.day(start);
        };
        if (frequency == AutoPayFrequency.ONE_TIME) {
            return when;
        }
        return when + (payments == null ? ", until the loan is paid off"
                : ", for " + payments + (payments == 1 ? " payment" : " payments"));
    }

    private static String weekday(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
    }

    private static String monthlyDay(LocalDate start, boolean lastDayOfMonth) {
        int day = start.getDayOfMonth();
        if (lastDayOfMonth) {
            return "the last day of the month";
        }
        return day > 28 ? "the " + ordinal(day) + " (the last day in shorter months)" : "the " + ordinal(day);
    }

    private static String semiMonthlyDays(LocalDate start, boolean lastDayOfMonth) {
        AutoPaySchedule schedule = new AutoPaySchedule(AutoPayFrequency.SEMI_MONTHLY, start, lastDayOfMonth);
        int a = schedule.dueDate(0).getDayOfMonth();
        int b = schedule.dueDate(1).getDayOfMonth();
        int first = Math.min(a, b);
        if (lastDayOfMonth) {
            return "the " + ordinal(first) + " and the last day of the month";
        }
        int second = first + 15;
        return "the " + ordinal(first) + " and the " + ordinal(second)
                + (second > 28 ? " (the last day in shorter months)" : "");
    }

    public static String ordinal(int day) {
        String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th" : switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return day + suffix;
    }

    /** What each payment pays: "the scheduled payment amount (now $512.34)", "$150.00", ... */
    public static String amount(AutoPayAmountType type, BigDecimal fixed, BigDecimal scheduledPayment) {
        return switch (type) {
            case SCHEDULED_PAYMENT -> "the scheduled payment amount"
                    + (scheduledPayment == null ? "" : " (" + Money.format(scheduledPayment) + ")");
            case AMOUNT_DUE -> "the amount due on each payment date";
            case FIXED -> Money.format(fixed);
            case PAYOFF -> "the full payoff amount on the payment date";
        };
    }

    /** "No convenience fee", "a $2.50 convenience fee per payment", "a 2.5% convenience fee on each payment". */
    public static String fee(FeeRule rule) {
        return switch (rule.kind()) {
            case NONE -> "no convenience fee";
            case FLAT -> "a " + rule.describe() + " convenience fee per payment";
            case PERCENT -> "a " + rule.describe() + " convenience fee on each payment";
        };
    }

    public static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The authorization the customer accepts, naming everything NACHA expects of a recurring WEB debit
     * authorization: who, which account, the amount, the timing, and how to revoke it.
     */
    static String authorization(String customerName, String lenderName, String supportPhone, String loanNumber,
                                PaymentChannel channel, String method, String schedule, String amount, FeeRule fee,
                                BigDecimal nsfFee, boolean onlyWhenDue) {
        StringBuilder text = new StringBuilder();
        text.append("I, ").append(customerName).append(", authorize ").append(lenderName).append(" to ")
                .append(channel == PaymentChannel.BANK ? "debit my bank account " : "charge my card ").append(method)
                .append(" for ").append(amount).append(", ").append(uncapitalized(schedule))
                .append(", to pay loan ").append(loanNumber).append(". ");
        if (fee.kind() != FeeRule.Kind.NONE) {
            text.append("Each payment adds ").append(fee(fee)).append(", which does not reduce my loan. ");
        }
        if (onlyWhenDue) {
            text.append("A date on which nothing is due on the loan is skipped. ");
        }
        text.append("A payment due on a weekend or a bank holiday is made on the next business day. ");
        if (channel == PaymentChannel.BANK && nsfFee.signum() > 0) {
            text.append("If my bank returns a payment, a returned payment fee of ").append(Money.format(nsfFee))
                    .append(" may be charged to my loan. ");
        }
        text.append("This authorization stays in effect until I cancel it. I can pause or cancel AutoPay on this website, ")
                .append("or by calling ").append(supportPhone).append(", at least 3 business days before a payment date.");
        return text.toString();
    }

    public static String uncapitalized(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
