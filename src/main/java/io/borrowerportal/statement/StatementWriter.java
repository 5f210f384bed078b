package io.borrowerportal.statement;

import io.borrowerportal.account.AccountLedger;
import io.borrowerportal.account.AccountLedgers;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.CustomerSummary;
import io.borrowerportal.document.CategoryPurpose;
import io.borrowerportal.document.DocumentArchive;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutgoingEmail;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one loan's statement for one month, in one transaction of its own: the account's row lock, its
 * ledger, the PDF filed in Documents under Statements, the {@code statements} row and an email to each customer
 * on the loan commit together or not at all. A crash leaves whole statements only.
 * <p>
 * Exactly once: the account's row lock makes two writers of the same loan take turns, and the second finds the
 * first's row (the transaction reads committed data, so what it reads after the lock is current); the unique key
 * on (account, period) is the last word if anything else got past. A loan's statements are written in period
 * order: a month before its latest statement is never written.
 */
@Component
class StatementWriter {

    enum Outcome {
        /** Written, filed and (unless backfilled) emailed. */
        WRITTEN,
        /** The loan gets no statement for the month: not funded by its end, or paid off before it began. */
        NOT_DUE,
        /** The loan already has this month's statement, or a later one. */
        ALREADY_WRITTEN,
        /** No such loan, or its web access is off. */
        NOT_FOUND
    }

    private final AccountLedgers ledgers;
    private final StatementRecords records;
    private final DocumentArchive archive;
    private final CustomerService customers;
    private final Mailer mailer;
    private final SettingsService settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    StatementWriter(AccountLedgers ledgers, StatementRecords records, DocumentArchive archive,
                    CustomerService customers, Mailer mailer, SettingsService settings,
                    PlatformTransactionManager transactions, Clock clock) {
        this.ledgers = ledgers;
        this.records = records;
        this.archive = archive;
        this.customers = customers;
        this.mailer = mailer;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** @param notify whether the loan's customers are emailed that it is ready (not for a backfill of past months) */
    Outcome write(long accountId, YearMonth period, boolean notify) {
        return write(accountId, period, notify, borrowers(List.of(accountId)).getOrDefault(accountId, List.of()));
    }

    /**
     * The same, with the loan's customers (borrower first) read beforehand, as a run reads them for a page of loans
     * at once.
     */
    Outcome write(long accountId, YearMonth period, boolean notify, List<CustomerSummary> borrowers) {
        try {
            return tx.execute(status -> writeLocked(accountId, period, notify, borrowers));
        } catch (RuntimeException e) {
            // A unique key (the statement's, or the document's content on the loan): another writer committed this
            // statement while this one wrote it. Anything else is a failure.
            if (records.latest(accountId).filter(latest -> !latest.periodStart().isBefore(period.atDay(1))).isPresent()) {
                return Outcome.ALREADY_WRITTEN;
            }
            throw e;
        }
    }

    private Outcome writeLocked(long accountId, YearMonth period, boolean notify, List<CustomerSummary> borrowers) {
        Optional<AccountLedger> locked = ledgers.lock(accountId);
        if (locked.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        AccountLedger loan = locked.get();
        Optional<StatementRecords.Latest> latest = records.latest(accountId);
        if (latest.isPresent() && !latest.get().periodStart().isBefore(period.atDay(1))) {
            return Outcome.ALREADY_WRITTEN;
        }
        Optional<StatementFigures> computed = StatementFigures.of(loan.terms(), loan.entries(), period,
                latest.map(StatementRecords.Latest::lastEntryId).orElse(null));
        if (computed.isEmpty()) {
            return Outcome.NOT_DUE;
        }
        StatementFigures figures = computed.get();
        WebsiteSettings website = settings.current();
        byte[] pdf = StatementPdf.write(new StatementPdf.Lender(website.lenderName(), website.supportPhone(),
                        website.supportEmail(), settings.payments().remittanceAddress()), loan.loanNumber(), loan.title(),
                borrowers.stream().map(CustomerSummary::name).toList(), figures, loan.balanceUnderReview());
        DocumentSummary document = archive.file(accountId, CategoryPurpose.STATEMENTS,
                StatementWording.documentName(period), StatementWording.documentDescription(loan.loanNumber(), figures),
                StatementWording.fileName(loan.loanNumber(), period), FileContent.of(pdf));
        List<OutgoingEmail> emails = new ArrayList<>();
        if (notify) {
            for (CustomerSummary customer : borrowers) {
                emails.add(new OutgoingEmail(customer.email(), StatementWording.emailSubject(loan.loanNumber(), period),
                        StatementWording.emailBody(customer.name(), loan.loanNumber(), loan.title(), figures, website),
                        customer.id()));
            }
        }
        records.insert(accountId, figures, document.id(), emails.size(), clock.instant());
        emails.forEach(mailer::send);
        return Outcome.WRITTEN;
    }

    /** Each loan's customers, the borrower first, by account id, in two queries whatever the number of loans. */
    Map<Long, List<CustomerSummary>> borrowers(Collection<Long> accountIds) {
        Map<Long, List<Long>> links = ledgers.customerIds(accountIds);
        if (links.isEmpty()) {
            return Map.of();
        }
        Map<Long, CustomerSummary> contacts = customers.contacts(links.values().stream().flatMap(List::stream).distinct().toList());
        Map<Long, List<CustomerSummary>> borrowers = new HashMap<>();
        links.forEach((accountId, customerIds) -> borrowers.put(accountId,
                customerIds.stream().map(contacts::get).filter(Objects::nonNull).toList()));
        return borrowers;
    }
}
