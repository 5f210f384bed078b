package io.borrowerportal.account;

import java.time.Instant;

/**
 * One loan's web access as the staff customer page shows it: on or off, and the last switch's reason, time and
 * author (null until staff first switched it).
 */
public record LoanWebAccess(String loanNumber, String title, boolean on, String reason, Instant changedAt,
                            String changedBy) {
}
