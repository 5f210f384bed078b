package io.borrowerportal.autopay;

import io.borrowerportal.common.Dates;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.StandingOrder;
import io.borrowerportal.payment.StandingOutcome;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The daily AutoPay run: every active AutoPay due by the run date, in pages of {@link #PAGE} by id, so memory
 * does not grow with the number of AutoPays. A page is one transaction: for each AutoPay and due date the
 * payment (through {@link PaymentService#payStanding}, the same path as a customer's payment), the run's row
 * (unique per AutoPay and due date) and the AutoPay's next date commit together or not at all. Card payments
 * are charged after the commit, outside any transaction.
 * <p>
 * Exactly once: a rerun finds the dates already dealt with moved on; a crash before a commit leaves nothing
 * of that page; two runs at once collide on the unique keys (the run row and the payment's idempotency key),
 * and the loser's page rolls back and is retried AutoPay by AutoPay, finding the work done. A page that fails
 * for any other reason is retried the same way, so one bad AutoPay never holds back the others.
 * The page's transaction reads committed data (READ COMMITTED): each payment's figures are read after its
 * account's lock, never from a snapshot older than the lock.
 */
@Component
class AutoPayRunner {

    static final int PAGE = 200;
    /** Pages in flight at once. */
    static final int WORKERS = 2;
    /** Reminders go out this many days before a payment. */
    static final int REMINDER_DAYS = 3;
    /** Missed dates one run skips for an AutoPay before paying its latest one (a weekly AutoPay after a long outage). */
    private static final int MAX_MISSED_DATES = 520;
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** What a payment made by AutoPay says made it, beside the AutoPay's reference. */
    static final String STANDING_KIND = "AutoPay";
    private static final Logger log = LoggerFactory.getLogger(AutoPayRunner.class);

    private static final int[] RUN_TYPES = {Types.BIGINT, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR,
            Types.DECIMAL, Types.VARCHAR, Types.TIMESTAMP};

    private final AutoPayRepository autopays;
    private final JdbcTemplate jdbc;
    private final PaymentService payments;
    private final LoanServicing servicing;
    private final BalanceReviews balanceReviews;
    private final CustomerService customers;
    private final SettingsService settings;
    private final AutoPayLog autopayLog;
    private final AutoPayNotices notices;
    private final TransactionTemplate tx;
    private final EntityManager entityManager;
    private final Clock clock;
    /** Test seam: simulates a crash at a chosen point of a run (see {@link Interruption}). */
    private volatile Interruption interruption = Interruption.NONE;

    AutoPayRunner(AutoPayRepository autopays, JdbcTemplate jdbc, PaymentService payments,
                  LoanServicing servicing, BalanceReviews balanceReviews, CustomerService customers,
                  SettingsService settings, AutoPayLog autopayLog, AutoPayNotices notices,
                  PlatformTransactionManager transactions, EntityManager entityManager, Clock clock) {
        this.autopays = autopays;
        this.jdbc = jdbc;
        this.payments = payments;
        this.servicing = servicing;
        this.balanceReviews = balanceReviews;
        this.customers = customers;
        this.settings = settings;
        this.autopayLog = autopayLog;
        this.notices = notices;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Where a test may stop a run as a crash would: nothing after that point happens. */
    interface Interruption {
        Interruption NONE = (autopayId, phase) -> { };

        enum Phase { PAID_ONE, PAGE_COMMITTED }

        void at(long autopayId, Phase phase);
    }

    void interruptWith(Interruption next) {
        this.interruption = next == null ? Interruption.NONE : next;
    }

    /** Counts of one run, added up page by page. */
    static final class Tally {
        int autopays;
        int paid;
        int skipped;
        int ended;
        int notPaid;
        int suspended;
        int declined;
        int errors;

        void clear() {
            autopays = paid = skipped = ended = notPaid = suspended = declined = errors = 0;
        }

        synchronized void add(Tally other) {
            autopays += other.autopays;
            paid += other.paid;
            skipped += other.skipped;
            ended += other.ended;
            notPaid += other.notPaid;
            suspended += other.suspended;
            declined += other.declined;
            errors += other.errors;
        }

        synchronized AutoPayRunReport report(LocalDate date, int leftovers, long millis) {
            return new AutoPayRunReport(date, autopays, paid, skipped, ended, notPaid, suspended, declined, errors,
                    leftovers, millis);
        }
    }

    /**
     * Runs every page due by {@code date} on {@link #WORKERS} threads at once: the run waits on the database
     * most of the time, so a second page in flight uses the time one page waits. At most two pages per worker
     * are read ahead, so memory stays the same whatever the number of AutoPays. The workers act as the caller
     * (the system, or staff catching up).
     */
    AutoPayRunReport run(LocalDate date) {
        long started = System.nanoTime();
        // A run that stopped between its commit and its card charges left those payments waiting: charge them.
        int leftovers = payments.chargeUnansweredStanding();
        Tally tally = new Tally();
        ExecutorService workers = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(WORKERS,
                Thread.ofPlatform().name("autopay-run-", 1).daemon().factory()));
        Semaphore readAhead = new Semaphore(2 * WORKERS);
        List<Future<?>> pages = new ArrayList<>();
        try {
            long afterId = 0;
            while (true) {
                List<Long> page = autopays.dueIds(AutoPayStatus.ACTIVE, date, afterId, Limit.of(PAGE));
                if (page.isEmpty()) {
                    break;
                }
                readAhead.acquireUninterruptibly();
                pages.add(workers.submit(() -> {
                    try {
                        runPage(page, date, tally);
                    } finally {
                        readAhead.release();
                    }
                }));
                afterId = page.getLast();
                pages.removeIf(f -> f.isDone() && succeeded(f));
            }
            pages.forEach(AutoPayRunner::succeeded);
        } finally {
            workers.shutdownNow();
        }
        return tally.report(date, leftovers, (System.nanoTime() - started) / 1_000_000);
    }

    /** Waits for a page; what stopped it (a crash in a test, an error) stops the run as it would in one thread. */
    private static boolean succeeded(Future<?> page) {
        try {
            page.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The AutoPay run was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("An AutoPay page failed", e.getCause());
        }
    }

    private void runPage(List<Long> ids, LocalDate date, Tally tally) {
        List<String> toCharge = new ArrayList<>();
        Tally page = new Tally();
        try {
            tx.executeWithoutResult(status -> process(autopays.findByIdInOrderById(ids), date, page, toCharge));
        } catch (RuntimeException pageFailed) {
            log.warn("An AutoPay page failed ({}); retrying its {} AutoPays one by one", pageFailed.toString(), ids.size());
            page.clear();
            toCharge.clear();
            for (long id : ids) {
                retryOne(id, date, page, toCharge);
            }
        }
        interruption.at(ids.getLast(), Interruption.Phase.PAGE_COMMITTED);
        charge(toCharge, page);
        tally.add(page);
    }

    private void retryOne(long id, LocalDate date, Tally tally, List<String> toCharge) {
        Tally one = new Tally();
        List<String> charges = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> process(autopays.findAllById(List.of(id)), date, one, charges));
            tally.add(one);
            toCharge.addAll(charges);
        } catch (RuntimeException e) {
            tally.errors++;
            log.error("AutoPay id {} could not run for {}; it is tried again on the next run", id, date, e);
        }
    }

    /**
     * The due date of each AutoPay of a page that is due by the run date, in one call to the payment service:
     * the latest date due, the earlier ones missed being skipped.
     */
    private void process(List<AutoPay> page, LocalDate date, Tally tally, List<String> toCharge) {
        List<Object[]> runRows = new ArrayList<>();
        List<AutoPay> due = page.stream().filter(a -> dueBy(a, date)).toList();
        tally.autopays += due.size();
        Map<Long, String> emails = new HashMap<>();
        if (!due.isEmpty()) {
            customers.contacts(due.stream().map(AutoPay::customerId).distinct().toList())
                    .forEach((id, contact) -> emails.put(id, contact.email()));
        }
        for (AutoPay autopay : due) {
            skipMissedDates(autopay, date, runRows);
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, AutoPay> byKey = new HashMap<>();
        List<StandingOrder> orders = new ArrayList<>(due.size());
        for (AutoPay autopay : due) {
            if (autopay.nextProcessDate().isAfter(today)) {
                // A date after today never pays early: the run refuses such a date before it gets here.
                throw new IllegalStateException("AutoPay " + autopay.reference() + " asked to pay on "
                        + autopay.nextProcessDate() + ", before that date");
            }
            String key = idempotencyKey(autopay, autopay.nextDueDate());
            byKey.put(key, autopay);
            orders.add(new StandingOrder(STANDING_KIND, autopay.reference(), autopay.customerId(),
                    autopay.loanNumber(), autopay.profileId(), key, emails.get(autopay.customerId())));
        }
        // The runtime rules decide each amount under the account's lock, inside the payment service's call.
        PaymentSettings paying = settings.payments();
        String supportPhone = settings.current().supportPhone();
        Map<String, AutoPayDecision> decisions = new HashMap<>();
        List<StandingOutcome> made = payments.payStanding(orders, (order, loan) -> {
            AutoPay autopay = byKey.get(order.idempotencyKey());
            AutoPayDecision decision = AutoPayDecision.decide(autopay.amountType(), autopay.fixedAmount(),
                    autopay.processOnlyWhenDue(), loan.figures(), loan.asOf(), loan.inFlight(), paying, supportPhone);
            decisions.put(order.idempotencyKey(), decision);
            return decision.payable();
        });
        for (int i = 0; i < due.size(); i++) {
            record(due.get(i), AutoPayOutcome.of(made.get(i), decisions.get(orders.get(i).idempotencyKey())), tally,
                    toCharge, runRows);
        }
        // One statement for the page's run rows, one flush for the AutoPays' next dates. A run row that another
        // run wrote meanwhile breaks the unique key here, and the page is retried AutoPay by AutoPay.
        if (!runRows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO autopay_runs (autopay_id, due_date, process_date, outcome, payment_confirmation, amount,
                        note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", runRows, RUN_TYPES);
        }
        entityManager.flush();
        entityManager.clear();
    }

    /**
     * Dates AutoPay missed (it did not run, or was switched off) when a later date is due too: only the latest is
     * paid, so a borrower is never debited for several dates at once without being asked. The missed ones are
     * recorded as skipped.
     */
    private void skipMissedDates(AutoPay autopay, LocalDate date, List<Object[]> runRows) {
        for (int skipped = 0; skipped < MAX_MISSED_DATES; skipped++) {
            LocalDate following = autopay.schedule().dueDate(autopay.nextIndex() + 1);
            if (following == null || AutoPaySchedule.processDate(following).isAfter(date)) {
                return;
            }
            runRows.add(AutoPayRun.row(autopay.id(), autopay.nextDueDate(), autopay.nextProcessDate(),
                    AutoPayRun.Outcome.SKIPPED, null, null, "AutoPay did not run on this date; the later date of "
                            + Dates.day(AutoPaySchedule.processDate(following)) + " was paid instead.",
                    clock.instant()));
            autopay.advance(false, clock.instant());
        }
    }

    private static boolean dueBy(AutoPay autopay, LocalDate date) {
        return autopay.status() == AutoPayStatus.ACTIVE && autopay.nextProcessDate() != null
                && !autopay.nextProcessDate().isAfter(date);
    }

    /** What the payment service did for one AutoPay's due date: the run's record, and the AutoPay moved on. */
    private void record(AutoPay autopay, AutoPayOutcome outcome, Tally tally, List<String> toCharge,
                        List<Object[]> runRows) {
        LocalDate due = autopay.nextDueDate();
        LocalDate processDate = autopay.nextProcessDate();
        Instant now = clock.instant();
        if (outcome.kind() != AutoPayOutcome.Kind.METHOD_UNUSABLE) {
            // Not for an unusable method: nothing was tried, so the date stays open for the method the customer picks.
            runRows.add(AutoPayRun.row(autopay.id(), due, processDate, outcomeOf(outcome.kind()),
                    outcome.confirmationNumber(), outcome.amount(), outcome.note(), now));
        }
        switch (outcome.kind()) {
            case PAID -> {
                tally.paid++;
                if (outcome.status() == PaymentStatus.PROCESSING) {
                    toCharge.add(outcome.confirmationNumber());
                }
                autopay.advance(true, now);
                if (autopay.status() == AutoPayStatus.COMPLETED) {
                    ended(autopay);
                }
                interruption.at(autopay.id(), Interruption.Phase.PAID_ONE);
            }
            case SKIPPED -> {
                tally.skipped++;
                autopay.advance(false, now);
                if (autopay.status() == AutoPayStatus.COMPLETED) {
                    ended(autopay);
                }
            }
            case REFUSED -> {
                tally.notPaid++;
                notices.notPaid(autopay, Dates.day(processDate), outcome.note());
                autopay.advance(false, now);
                if (autopay.status() == AutoPayStatus.COMPLETED) {
                    ended(autopay);
                }
            }
            case ENDED -> {
                tally.ended++;
                autopay.end(AutoPayStatus.COMPLETED, outcome.note(), now);
                ended(autopay);
            }
            case METHOD_UNUSABLE -> {
                tally.suspended++;
                autopay.moveTo(AutoPayStatus.SUSPENDED, outcome.note() + " The payment of "
                        + Dates.day(processDate) + " was not made.", now);
                autopayLog.record(autopay, AutoPayEvent.Action.SUSPENDED, autopay.statusReason());
                notices.suspended(autopay);
            }
        }
    }

    private void ended(AutoPay autopay) {
        autopayLog.record(autopay, AutoPayEvent.Action.COMPLETED, autopay.statusReason());
        notices.ended(autopay);
    }

    /** Card payments of a committed page, together; a decline is told to the customer by the payment feature. */
    private void charge(List<String> confirmations, Tally tally) {
        if (confirmations.isEmpty()) {
            return;
        }
        try {
            tally.declined += (int) payments.chargeStanding(confirmations).stream()
                    .filter(status -> status == PaymentStatus.DECLINED).count();
        } catch (RuntimeException e) {
            // Left PROCESSING without an answer: the next run's leftover pass charges them.
            tally.errors += confirmations.size();
            log.error("{} AutoPay card payments could not be charged now; the next run charges them",
                    confirmations.size(), e);
        }
    }

    /**
     * Reminds each customer whose AutoPay pays within {@link #REMINDER_DAYS} days, once per due date, with the
     * amount as today's figures give it.
     */
    int sendReminders(LocalDate date) {
        int sent = 0;
        long afterId = 0;
        PaymentSettings paying = settings.payments();
        // One read for the run: a loan under review gets no amount from its balance (decision 035).
        Set<Long> underReview = Set.copyOf(balanceReviews.underReview());
        while (true) {
            List<Long> page = autopays.remindIds(AutoPayStatus.ACTIVE, date, date.plusDays(REMINDER_DAYS), afterId,
                    Limit.of(PAGE));
            if (page.isEmpty()) {
                return sent;
            }
            Integer count = tx.execute(status -> {
                int done = 0;
                for (AutoPay autopay : autopays.findByIdInOrderById(page)) {
                    if (underReview.contains(autopay.accountId()) && autopay.amountType() != AutoPayAmountType.FIXED) {
                        notices.reminderUnderReview(autopay);
                        autopay.remindedFor(autopay.nextDueDate());
                        done++;
                        continue;
                    }
                    BigDecimal estimate = estimate(autopay);
                    FeeRule fee = autopay.channel() == PaymentChannel.CARD
                            ? paying.cardFee() : paying.bankFee();
                    notices.reminder(autopay, estimate, estimate == null ? BigDecimal.ZERO : fee.feeFor(estimate));
                    autopay.remindedFor(autopay.nextDueDate());
                    done++;
                }
                return done;
            });
            sent += count == null ? 0 : count;
            afterId = page.getLast();
        }
    }

    /** The next payment with today's ledger, as the run would compute it (null when nothing is due yet). */
    private BigDecimal estimate(AutoPay autopay) {
        LoanFigures figures = servicing.figures(autopay.loanNumber(), autopay.nextProcessDate());
        BigDecimal amount = switch (autopay.amountType()) {
            case SCHEDULED_PAYMENT -> figures.scheduledPayment();
            case AMOUNT_DUE -> figures.dueBy(autopay.nextProcessDate());
            case FIXED -> autopay.fixedAmount();
            case PAYOFF -> figures.payoffAmount();
        };
        if (autopay.processOnlyWhenDue() && figures.dueBy(autopay.nextProcessDate()).signum() <= 0) {
            return null;
        }
        amount = amount.min(figures.payoffAmount());
        return amount.signum() > 0 ? amount : null;
    }

    /** One key per AutoPay and due date: the payment of that date can exist once. */
    static String idempotencyKey(AutoPay autopay, LocalDate due) {
        return StandingOrder.KEY_PREFIX + autopay.id() + "-" + KEY_DATE.format(due);
    }

    private static AutoPayRun.Outcome outcomeOf(AutoPayOutcome.Kind kind) {
        return switch (kind) {
            case PAID -> AutoPayRun.Outcome.PAID;
            case SKIPPED -> AutoPayRun.Outcome.SKIPPED;
            case ENDED -> AutoPayRun.Outcome.ENDED;
            case REFUSED -> AutoPayRun.Outcome.FAILED;
            case METHOD_UNUSABLE -> throw new IllegalArgumentException("no run row for an unusable method");
        };
    }
}
