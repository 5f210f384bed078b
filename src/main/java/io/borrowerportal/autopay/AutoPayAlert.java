package io.borrowerportal.autopay;

import java.time.LocalDate;

/**
 * What the Summary says about a loan's AutoPay: that it is on and when it pays next, or that it is suspended.
 *
 * @param mine the viewer set it up (a co-borrower's shows as such)
 */
public record AutoPayAlert(String reference, AutoPayStatus status, String method, LocalDate nextProcessDate,
                           String statusReason, boolean mine) {
}
