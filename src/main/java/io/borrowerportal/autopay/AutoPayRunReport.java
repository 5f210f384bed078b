package io.borrowerportal.autopay;

import java.time.LocalDate;

/**
 * What one AutoPay run did.
 *
 * @param autopays  AutoPays that were due
 * @param paid      payments made (a card payment among them may since have been declined: see {@code declined})
 * @param notPaid   due dates the lender's rules refused (an amount above the online maximum)
 * @param suspended AutoPays stopped because their payment method can no longer be used
 * @param errors    AutoPays that failed and are tried again on the next run
 * @param leftovers card payments a stopped earlier run had left uncharged, charged now
 */
public record AutoPayRunReport(LocalDate date, int autopays, int paid, int skipped, int ended, int notPaid,
                               int suspended, int declined, int errors, int leftovers, long millis) {

    public boolean didAnything() {
        return autopays > 0 || leftovers > 0 || errors > 0;
    }

    @Override
    public String toString() {
        return "AutoPay run for " + date + ": " + autopays + " due, " + paid + " paid, " + skipped + " skipped, "
                + ended + " ended, " + notPaid + " not paid, " + suspended + " suspended, " + declined + " declined, "
                + errors + " errors, " + leftovers + " leftover charges, " + millis + " ms";
    }
}
