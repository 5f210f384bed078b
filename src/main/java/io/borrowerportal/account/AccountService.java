package io.borrowerportal.account;

import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The served customer's accounts, as the customer website shows them. Every method resolves the
 * account through the customer's links, so another customer's loan number behaves exactly like one
 * that does not exist. An account page costs two SQL statements whatever the ledger's length.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
// "Not found" is an answer, not a failure: a caller that asks inside its own transaction and carries on (the
// AutoPay alerts of a loan the customer cannot see) must not find that transaction marked for rollback.
@Transactional(readOnly = true, noRollbackFor = AccountNotFoundException.class)
public class AccountService {

    private final LoanAccountRepository accounts;
    private final AccountLedgerRepository ledger;
    private final CurrentUser currentUser;
    private final SettingsService settings;
    private final PreviewService previews;
    private final Clock clock;

    AccountService(LoanAccountRepository accounts, AccountLedgerRepository ledger, CurrentUser currentUser,
                   SettingsService settings, PreviewService previews, Clock clock) {
        this.accounts = accounts;
        this.previews = previews;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /** The accounts the customer may see: none while their own web access is off (decision 025). */
    public List<AccountSummary> myAccounts() {
        List<Object[]> rows = accounts.findVisibleTo(currentUser.customerId());
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(row -> ((LoanAccount) row[0]).id()).toList();
        Map<Long, List<LedgerEntry>> ledgers = ledger.ledgersOf(ids).stream().collect(
                Collectors.groupingBy(AccountEntry::accountId, Collectors.mapping(AccountEntry::entry, Collectors.toList())));
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(row -> {
            LoanAccount account = (LoanAccount) row[0];
            LoanFigures figures = LoanEngine.figures(account.terms(), ledgers.getOrDefault(account.id(), List.of()), today);
            return new AccountSummary(account.toInfo((LinkRole) row[1]), figures);
        }).toList();
    }

    /** @throws AccountNotFoundException unless the served customer may see this account */
    public AccountDetail detail(String loanNumber) {
        Object[] row = visible(loanNumber);
        LoanAccount account = (LoanAccount) row[0];
        LoanTerms terms = account.terms();
        List<LedgerEntry> entries = ledger.ledgerOf(account.id());
        LocalDate today = LocalDate.now(clock);
        LoanFigures figures = LoanEngine.figures(terms, entries, today);
        List<HistoryRow> history = LoanEngine.history(terms, entries);
        List<Installment> forecast = LoanEngine.forecast(terms, entries, today);
        AccountInfo info = account.toInfo((LinkRole) row[1]);
        if (info.balanceUnderReview()) {
            // Decision 035: the history keeps what was posted, not the balance after each entry, and nothing is
            // projected from a balance the servicing system disagrees with; every page and download follows.
            history = history.stream().map(r -> new HistoryRow(r.entry(), null, r.reversed())).toList();
            forecast = List.of();
        }
        return new AccountDetail(info, figures, history, forecast);
    }

    /**
     * The account's id, loan number and title, for features that keep records about it (payments).
     *
     * @throws AccountNotFoundException unless the served customer may see this account
     */
    public AccountRef reference(String loanNumber) {
        LoanAccount account = (LoanAccount) visible(loanNumber)[0];
        return new AccountRef(account.id(), account.loanNumber(), account.title());
    }

    /**
     * What identifies the account (title, collateral, the customer's role), without its ledger: for features
     * that apply only to some loans (insurance, on collateralized ones).
     *
     * @throws AccountNotFoundException unless the served customer may see this account
     */
    public AccountInfo info(String loanNumber) {
        Object[] row = visible(loanNumber);
        return ((LoanAccount) row[0]).toInfo((LinkRole) row[1]);
    }

    /** The figures as of another date, e.g. a future payment's apply date (the ledger as it stands today). */
    public LoanFigures figuresOn(String loanNumber, LocalDate asOf) {
        LoanAccount account = (LoanAccount) visible(loanNumber)[0];
        List<LedgerEntry> entries = ledger.ledgerOf(account.id());
        return LoanEngine.figures(account.terms(), entries, asOf);
    }

    /** How a payment would split if it were posted on the apply date (a preview; nothing is written). */
    public Allocation previewSplit(String loanNumber, LocalDate applyDate, BigDecimal amount, PaymentKind kind) {
        LoanAccount account = (LoanAccount) visible(loanNumber)[0];
        List<LedgerEntry> entries = ledger.ledgerOf(account.id());
        return LoanEngine.allocate(account.terms(), entries, applyDate, amount, kind);
    }

    public byte[] historyCsv(String loanNumber) {
        requireDownloads();
        byte[] csv = TransactionExports.historyCsv(detail(loanNumber).history());
        previews.recordDownload(loanNumber, "Transaction history (CSV)");
        return csv;
    }

    public byte[] forecastCsv(String loanNumber) {
        if (!requireDownloads().showForecast()) {
            throw new AccessDeniedException("The lender does not show the payment forecast");
        }
        AccountDetail detail = detail(loanNumber);
        if (detail.info().balanceUnderReview()) {
            throw new AccessDeniedException("The balance is being updated: no forecast is offered until it is");
        }
        byte[] csv = TransactionExports.forecastCsv(detail.forecast());
        previews.recordDownload(loanNumber, "Payment forecast (CSV)");
        return csv;
    }

    public byte[] transactionsPdf(String loanNumber) {
        WebsiteSettings website = requireDownloads();
        AccountDetail detail = detail(loanNumber);
        StatementHeader header = new StatementHeader(website.lenderName(), detail.info().loanNumber(),
                detail.info().title(), currentUser.customer().displayName(), detail.figures().asOf(), detail.figures(),
                detail.info().balanceUnderReview() ? BalanceReviews.notice(website.supportPhone()) : null);
        byte[] pdf = TransactionExports.pdf(header, detail.history(), website.showForecast() ? detail.forecast() : List.of());
        previews.recordDownload(loanNumber, "Transaction history (PDF)");
        return pdf;
    }

    private Object[] visible(String loanNumber) {
        LoanNumber number = LoanNumber.parse(loanNumber).orElseThrow(() -> new AccountNotFoundException(loanNumber));
        List<Object[]> rows = accounts.findVisibleTo(currentUser.customerId(), number.value());
        if (rows.isEmpty()) {
            throw new AccountNotFoundException(number.value());
        }
        return rows.getFirst();
    }

    private WebsiteSettings requireDownloads() {
        WebsiteSettings website = settings.current();
        if (!website.transactionsEnabled() || !website.allowTransactionDownload()) {
            throw new AccessDeniedException("The lender has not enabled transaction downloads");
        }
        return website;
    }
}
