package io.borrowerportal.autopay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The wizard's last step: the next runs, the fee and the authorization the customer must accept. Nothing is
 * stored until the customer accepts exactly this {@code authorizationText}.
 *
 * @param upcoming   the next payments (up to six)
 * @param schedule   the schedule in words ("Monthly on the 25th, until the loan is paid off")
 * @param amount     what each payment pays, in words, with today's figure where there is one
 * @param fee        the convenience fee per payment, in words ("No fee", "$2.50 per payment")
 * @param notice     something the customer should know before accepting (the first date would pay nothing), or null
 */
public record AutoPayReview(String method, String schedule, String amount, String fee,
                            List<UpcomingRun> upcoming, String authorizationVersion, String authorizationText,
                            String notice) {

    public AutoPayReview {
        upcoming = List.copyOf(upcoming);
    }

    /**
     * @param estimate what the payment would be with today's figures (null when it depends on the day)
     * @param fee      the convenience fee on that estimate (null with it)
     * @param moved    the due date is not a business day, so the money moves on {@code processDate}
     */
    public record UpcomingRun(LocalDate dueDate, LocalDate processDate, BigDecimal estimate, BigDecimal fee,
                              boolean moved) {
    }
}
