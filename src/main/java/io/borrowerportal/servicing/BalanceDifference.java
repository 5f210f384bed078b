package io.borrowerportal.servicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A loan whose balances differ, as a reconciliation run found it: the servicer's principal balance and the
 * portal's, both as of the servicer's date, the difference (servicer minus portal), and each side's last entry as
 * it stood at the run (null when that side has none).
 */
public record BalanceDifference(String loanNumber, LocalDate asOf, BigDecimal servicerBalance,
                                BigDecimal portalBalance, BigDecimal difference, String portalLastEntry,
                                String servicerLastEntry) {
}
