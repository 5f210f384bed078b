package io.borrowerportal.payment.ach;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a written file contains, for the payment service to store against each payment and for the
 * operator to compare with the bank's acknowledgement.
 *
 * @param traceNumbers one 15-digit trace number per debit, in the order the debits were given
 * @param lineCount    every line of the file, the all-9 filler lines included
 */
public record NachaResult(List<String> traceNumbers, int entryCount, BigDecimal totalDebit, long entryHash,
                          int blockCount, int lineCount) {

    public NachaResult {
        traceNumbers = List.copyOf(traceNumbers);
    }
}
