package io.borrowerportal.account;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locking a page of accounts (an AutoPay page) holds those rows only: the other worker's page and a payment on
 * any other loan go ahead meanwhile. On MariaDB this once failed: locking by a long list of loan numbers read,
 * and so locked, the whole table, and the two AutoPay workers ran one after the other.
 */
class LedgerPostingLockTest extends ServiceTest {

    private static final AtomicInteger NEXT = new AtomicInteger(1);
    private static final LocalDate START = LocalDate.of(2026, 10, 25);

    @Autowired
    LoanServicing servicing;
    @Autowired
    LedgerPosting posting;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void locking_a_page_of_accounts_holds_up_neither_another_page_nor_another_loan() throws Exception {
        // Most of the table: where the planner would rather read every row than use the loan number index.
        List<String> page = open(150);
        List<String> otherPage = open(150);
        String otherLoan = open(1).getFirst();
        // Read committed, as the AutoPay pages and the payment lifecycle run.
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> holder = pool.submit(() -> SystemTask.call(() -> tx.execute(status -> {
                int locked = posting.lockAll(page).accountIds().size();
                held.countDown();
                awaitQuietly(release);
                return locked;
            })));
            assertThat(held.await(60, SECONDS)).as("the page is locked").isTrue();

            Future<String> meanwhile = pool.submit(() -> SystemTask.call(() -> tx.execute(status ->
                    posting.lockAll(otherPage).accountIds().size() + " and " + posting.lock(otherLoan, START).loanNumber())));

            // Waiting on a lock would last until the holder commits (released below) or MariaDB's 50 s timeout.
            assertThat(meanwhile.get(20, SECONDS)).isEqualTo(otherPage.size() + " and " + otherLoan);
            release.countDown();
            assertThat(holder.get(60, SECONDS)).isEqualTo(page.size());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private List<String> open(int count) {
        LoanTerms terms = new LoanTerms(new BigDecimal("2000.00"), new BigDecimal("8.0000"), 12, START,
                START.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
        List<String> loans = new ArrayList<>();
        SystemTask.run(() -> {
            for (int i = 0; i < count; i++) {
                loans.add(servicing.openAccount(
                        new OpenAccountCommand("LCK-" + NEXT.getAndIncrement(), "PERSONAL", terms, null, null)));
            }
        });
        return loans;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
