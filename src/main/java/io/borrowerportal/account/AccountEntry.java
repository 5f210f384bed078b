package io.borrowerportal.account;

import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.ledger.LedgerEntry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A ledger entry with its account, read as values by {@link AccountLedgerRepository#ledgersOf}: several accounts'
 * ledgers in one query, none of them kept in the persistence context.
 */
record AccountEntry(long accountId, LedgerEntry entry) {

    AccountEntry(Long accountId, Long id, EntryType type, LocalDate effectiveDate, BigDecimal amount,
                 BigDecimal principal, BigDecimal interest, BigDecimal fees, Long reversesId, String description) {
        this(accountId, new LedgerEntry(id, type, effectiveDate, amount, principal, interest, fees, reversesId,
                description));
    }
}
