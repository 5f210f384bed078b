package io.borrowerportal.payment;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.SystemTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;

import static io.borrowerportal.payment.PaymentFixtures.custom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the ACH service tests on fresh borrowers: bank payments made, moved to today and exported. Tests share
 * the database, so an export may also carry other tests' pending payments; the assertions check a file against
 * itself and find a test's payments in it by confirmation number.
 */
abstract class AchServiceTest extends ServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

    @Autowired
    AchExport export;
    @Autowired
    AchReturns returns;
    @Autowired
    PaymentProcessing processing;
    @Autowired
    AchProperties properties;
    @Autowired
    PaymentService service;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    PaymentRepository repository;
    @Autowired
    AccountService accounts;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    JdbcTemplate jdbc;

    /** Pays from a new bank profile; after the cut-off its money would move tomorrow, so it is moved to today. */
    PaymentSummary bankPayment(Borrower b, long profile, String amount) {
        SignIn.as(users, b.email());
        PaymentSummary paid = service.submit(custom(b.loanNumber(), amount, profile));
        assertThat(paid.status()).isEqualTo(PaymentStatus.PENDING);
        jdbc.update("update payments set process_date = ? where confirmation_number = ?", TODAY, paid.confirmationNumber());
        SignIn.out();
        return paid;
    }

    long bankProfile(Borrower b) {
        SignIn.as(users, b.email());
        long id = profiles.addBank(PaymentFixtures.bank()).id();
        SignIn.out();
        return id;
    }

    Payment stored(String confirmation) {
        return repository.findByConfirmationNumber(confirmation).orElseThrow();
    }

    List<LedgerEntry> ledger(Borrower b) {
        SignIn.as(users, b.email());
        try {
            return accounts.detail(b.loanNumber()).history().stream().map(HistoryRow::entry).toList();
        } finally {
            SignIn.out();
        }
    }

    Payment exported(Borrower b, long profile, String amount) {
        PaymentSummary paid = bankPayment(b, profile, amount);
        assertThat(SystemTask.call(export::exportPending)).isPresent();
        Payment payment = stored(paid.confirmationNumber());
        assertThat(payment.traceNumber()).isNotNull();
        return payment;
    }
}
