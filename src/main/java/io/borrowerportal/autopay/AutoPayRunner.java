package io.borrowerportal.autopay;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.payment.AutoPayOutcome;
import io.borrowerportal.payment.AutoPayPayment;
import io.borrowerportal.payment.PaymentChannel;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily AutoPay run: every active AutoPay due by the run date, in pages of {@link #PAGE} by id, so memory
 * does not grow with the number of AutoPays. A page is one transaction: for each AutoPay and due date the
 * payment (through {@link PaymentService#payAutoPay}, the same path as a customer's payment), the run's row
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

    static final int PAGE = 100;
    /** Reminders go out this many days before a payment. */
    static final int REMINDER_DAYS = 3;
    /** Due dates one AutoPay may catch up in one run (a weekly AutoPay after a long outage). */
    private static final int MAX_DATES_PER_RUN = 60;
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Logger log = LoggerFactory.getLogger(AutoPayRunner.class);

    private final AutoPayRepository autopays;
    private final AutoPayRunRepository runs;
    private final PaymentService payments;
    private final LoanServicing servicing;
    private final SettingsService settings;
    private final AutoPayLog autopayLog;
    private final AutoPayNotices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Test seam: simulates a crash at a chosen point of a run (see {@link Interruption}). */
    private volatile Interruption interruption = Interruption.NONE;

    AutoPayRunner(AutoPayRepository autopays, AutoPayRunRepository runs, PaymentService payments,
                  LoanServicing servicing, SettingsService settings, AutoPayLog autopayLog, AutoPayNotices notices,
                  PlatformTransactionManager transactions, Clock clock) {
        this.autopays = autopays;
        this.runs = runs;
        this.payments = payments;
        this.servicing = servicing;
        this.settings = settings;
        this.autopayLog = autopayLog;
        this.notices = notices;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
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

        void add(Tally other) {
            autopays += other.autopays;
            paid += other.paid;
            skipped += other.skipped;
            ended += other.ended;
            notPaid += other.notPaid;
            suspended += other.suspended;
            declined += other.declined;
            errors += other.errors;
        }

        AutoPayRunReport report(LocalDate date, int leftovers, long millis) {
            return new AutoPayRunReport(date, autopays, paid, skipped, ended, notPaid, suspended, declined, errors,
                    leftovers, millis);
        }
    }

    AutoPayRunReport run(LocalDate date) {
        long started = System.nanoTime();
        // A run that stopped between its commit and its card charges left those payments waiting: charge them.
        int leftovers = payments.chargeLeftoverAutoPays();
        Tally tally = new Tally();
        long afterId = 0;
        while (true) {
            List<Long> page = autopays.dueIds(AutoPayStatus.ACTIVE, date, afterId, Limit.of(PAGE));
            if (page.isEmpty()) {
                break;
            }
            runPage(page, date, tally);
            afterId = page.getLast();
        }
        return tally.report(date, leftovers, (System.nanoTime() - started) / 1_000_000);
    }

    private void runPage(List<Long> ids, LocalDate date, Tally tally) {
        List<String> toCharge = new ArrayList<>();
        Tally page = new Tally();
        try {
            tx.executeWithoutResult(status -> {
                for (AutoPay autopay : autopays.findByIdInOrderById(ids)) {
                    process(autopay, date, page, toCharge);
                }
            });
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
            tx.executeWithoutResult(status -> autopays.findById(id).ifPresent(a -> process(a, date, one, charges)));
            tally.add(one);
            toCharge.addAll(charges);
        } catch (RuntimeException e) {
            tally.errors++;
            log.error("AutoPay id {} could not run for {}; it is tried again on the next run", id, date, e);
        }
    }

    /** Every due date of one AutoPay up to the run date (usually one). */
    private void process(AutoPay autopay, LocalDate date, Tally tally, List<String> toCharge) {
        if (autopay.status() != AutoPayStatus.ACTIVE || autopay.nextProcessDate() == null
                || autopay.nextProcessDate().isAfter(date)) {
            return;
        }
        tally.autopays++;
        for (int dates = 0; dates < MAX_DATES_PER_RUN && autopay.status() == AutoPayStatus.ACTIVE
                && autopay.nextProcessDate() != null && !autopay.nextProcessDate().isAfter(date); dates++) {
            payOne(autopay, tally, toCharge);
        }
    }

    private void payOne(AutoPay autopay, Tally tally, List<String> toCharge) {
        LocalDate due = autopay.nextDueDate();
        LocalDate processDate = autopay.nextProcessDate();
        Instant now = clock.instant();
        AutoPayOutcome outcome = payments.payAutoPay(new AutoPayPayment(autopay.reference(), autopay.customerId(),
                autopay.loanNumber(), autopay.profileId(), autopay.amountType(), autopay.fixedAmount(),
                autopay.processOnlyWhenDue(), processDate, idempotencyKey(autopay, due)));
        if (outcome.kind() != AutoPayOutcome.Kind.METHOD_UNUSABLE) {
            // Not for an unusable method: nothing was tried, so the date stays open for the method the customer picks.
            runs.save(new AutoPayRun(autopay.id(), due, processDate, outcomeOf(outcome.kind()),
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
                notices.notPaid(autopay, AutoPayWording.day(processDate), outcome.note());
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
                        + AutoPayWording.day(processDate) + " was not made.", now);
                autopayLog.record(autopay, AutoPayEvent.Action.SUSPENDED, autopay.statusReason());
                notices.suspended(autopay);
            }
        }
    }

    private void ended(AutoPay autopay) {
        autopayLog.record(autopay, AutoPayEvent.Action.COMPLETED, autopay.statusReason());
        notices.ended(autopay);
    }

    /** Card payments of a committed page, one by one; a decline is told to the customer by the payment feature. */
    private void charge(List<String> confirmations, Tally tally) {
        for (String confirmation : confirmations) {
            try {
                if (payments.chargeAutoPay(confirmation) == PaymentStatus.DECLINED) {
                    tally.declined++;
                }
            } catch (RuntimeException e) {
                // Left PROCESSING without an answer: the next run's leftover pass charges it.
                tally.errors++;
                log.error("AutoPay payment {} could not be charged now; the next run charges it", confirmation, e);
            }
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
        while (true) {
            List<Long> page = autopays.remindIds(AutoPayStatus.ACTIVE, date, date.plusDays(REMINDER_DAYS), afterId,
                    Limit.of(PAGE));
            if (page.isEmpty()) {
                return sent;
            }
            Integer count = tx.execute(status -> {
                int done = 0;
                for (AutoPay autopay : autopays.findByIdInOrderById(page)) {
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
        return "autopay-" + autopay.id() + "-" + KEY_DATE.format(due);
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
