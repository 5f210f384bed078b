package io.borrowerportal.account;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.EntryType;
import io.borrowerportal.SignIn;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LedgerEntry;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Posting to ledgers, on home loans (30/360) of its own that no customer is linked to. */
class LoanServicingTest extends ServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final LocalDate START = LocalDate.of(2026, 1, 10);

    @Autowired
    LoanServicing servicing;
    @Autowired
    TransactionTemplate transaction;

    private String loanNumber;
    private LoanTerms terms;

    @BeforeEach
    void openLoan() {
        terms = new LoanTerms(new BigDecimal("5000.00"), new BigDecimal("9.0000"), 12, START, START.plusMonths(1),
                PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
        loanNumber = SystemTask.call(() -> servicing.openAccount(
                new OpenAccountCommand("SVC-" + NEXT.getAndIncrement(), "HOME", terms, null, null)));
    }

    @Test
    void a_payment_is_split_by_the_waterfall_and_recorded_with_its_split() {
        SystemTask.run(() -> {
            servicing.postFee(loanNumber, START.plusDays(20), new BigDecimal("10.00"), "Late fee");
            LedgerEntry paid = servicing.postPayment(loanNumber, START.plusMonths(1), new BigDecimal("100.00"),
                    PaymentKind.REGULAR, "Payment");
            assertThat(paid.fees()).isEqualByComparingTo("10.00");
            assertThat(paid.interest()).isEqualByComparingTo("37.50");
            assertThat(paid.principal()).isEqualByComparingTo("52.50");
            assertThat(servicing.figures(loanNumber, START.plusMonths(1)).principalBalance()).isEqualByComparingTo("4947.50");
        });
    }

    @Test
    void a_reversal_restores_the_balance_and_an_entry_cannot_be_reversed_twice() {
        SystemTask.run(() -> {
            LocalDate due = START.plusMonths(1);
            LoanFigures before = servicing.figures(loanNumber, due.plusDays(5));
            LedgerEntry paid = servicing.postPayment(loanNumber, due, LoanEngine.levelPayment(terms), PaymentKind.REGULAR, "Payment");
            LedgerEntry reversal = servicing.reverse(loanNumber, paid.id(), "returned R01");

            assertThat(reversal.reversesId()).isEqualTo(paid.id());
            assertThat(reversal.amount()).isEqualByComparingTo(paid.amount().negate());
            assertThat(servicing.figures(loanNumber, due.plusDays(5))).isEqualTo(before);
            assertThatThrownBy(() -> servicing.reverse(loanNumber, paid.id(), "again"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Entry " + paid.id() + " is already reversed");
            assertThatThrownBy(() -> servicing.reverse(loanNumber, reversal.id(), "undo"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot itself be reversed");
        });
    }

    @Test
    void a_payment_above_the_payoff_is_refused_and_nothing_is_posted() {
        SystemTask.run(() -> {
            LocalDate due = START.plusMonths(1);
            LoanFigures before = servicing.figures(loanNumber, due);
            assertThatThrownBy(() -> servicing.postPayment(loanNumber, due, new BigDecimal("999999.00"), PaymentKind.REGULAR, "Too much"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the payoff");
            assertThat(servicing.figures(loanNumber, due)).isEqualTo(before);
        });
    }

    @Test
    void terms_that_contradict_the_product_are_refused() {
        SystemTask.run(() -> {
            LoanTerms actual365 = new LoanTerms(new BigDecimal("5000.00"), new BigDecimal("9.0000"), 12, START,
                    START.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
            assertThatThrownBy(() -> servicing.openAccount(new OpenAccountCommand("SVC-X1", "HOME", actual365, null, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match the product");
            assertThatThrownBy(() -> servicing.openAccount(new OpenAccountCommand("SVC-X2", "HOME", terms, null, "NOT-A-VIN")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VIN");
            assertThatThrownBy(() -> servicing.openAccount(new OpenAccountCommand(loanNumber, "HOME", terms, null, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already in use");
        });
    }

    @Test
    void customers_and_staff_cannot_post() {
        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> servicing.postFee(loanNumber, START, new BigDecimal("1.00"), "x"))
                .isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> servicing.postFee(loanNumber, START, new BigDecimal("1.00"), "x"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void entries_as_sent_go_in_only_under_the_lock_that_read_the_ledger_and_reverse_what_the_batch_posted() {
        SentEntry fee = new SentEntry(EntryType.FEE, START.plusDays(5), Money.ZERO, Money.ZERO, new BigDecimal("15.00"),
                null, "Servicer fee");
        // A ledger read in another transaction is stale by the time a post would use it: refused, nothing posted.
        LockedLedger elsewhere = SystemTask.call(() -> transaction.execute(status -> servicing.lockLedger(loanNumber)))
                .orElseThrow();
        assertThatThrownBy(() -> SystemTask.run(() -> transaction.executeWithoutResult(status ->
                servicing.postAsSent(elsewhere, List.of(fee), "servicer"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lockLedger");
        assertThat(SystemTask.call(() -> servicing.figures(loanNumber, START.plusDays(5))).feesDue()).isEqualByComparingTo("0.00");

        List<LedgerEntry> posted = SystemTask.call(() -> transaction.execute(status -> {
            LockedLedger ledger = servicing.lockLedger(loanNumber).orElseThrow();
            List<LedgerEntry> first = servicing.postAsSent(ledger, List.of(fee), "servicer");
            LockedLedger after = ledger.plus(first);
            SentEntry undo = new SentEntry(EntryType.REVERSAL, null, null, null, null, first.getFirst().id(), "undo");
            List<LedgerEntry> second = servicing.postAsSent(after, List.of(undo), "servicer");
            return List.of(first.getFirst(), second.getFirst());
        }));
        assertThat(posted.get(1).reversesId()).isEqualTo(posted.get(0).id());
        SentEntry again = new SentEntry(EntryType.REVERSAL, null, null, null, null, posted.get(0).id(), "undo again");
        assertThatThrownBy(() -> SystemTask.run(() -> transaction.executeWithoutResult(status ->
                servicing.postAsSent(servicing.lockLedger(loanNumber).orElseThrow(), List.of(again), "servicer"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already reversed");
        assertThat(SystemTask.call(() -> servicing.figures(loanNumber, START.plusDays(5))).feesDue()).isEqualByComparingTo("0.00");
    }
}
