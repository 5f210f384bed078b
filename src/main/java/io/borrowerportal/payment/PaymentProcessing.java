package io.borrowerportal.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The payment jobs' work, payment by payment: scheduled payments whose date has come, card payments waiting on
 * the processor, and bank debits that settle. Each payment is its own transaction; one that fails is logged
 * and retried on the next run while the others go on.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class PaymentProcessing {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessing.class);

    /** A card payment whose charge has not answered for this long is asked about again. */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(10);

    private final PaymentRepository payments;
    private final PaymentLifecycle lifecycle;
    private final Clock clock;

    PaymentProcessing(PaymentRepository payments, PaymentLifecycle lifecycle, Clock clock) {
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Processes scheduled payments whose date has come. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int processScheduled() {
        return each(payments.dueIds(PaymentStatus.SCHEDULED, LocalDate.now(clock)), lifecycle::processScheduled,
                "process");
    }

    /**
     * Asks the processor about card payments whose charge ended without an answer more than a minute ago
     * (never one whose charge call is still running: those have no "waiting" reason yet), and about those
     * whose charge never answered at all for ten minutes, far longer than a charge call can take.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int reconcileProcessing() {
        return each(payments.waitingIds(PaymentStatus.PROCESSING, PaymentLifecycle.WAITING_FOR_PROCESSOR,
                clock.instant().minus(Duration.ofMinutes(1))), lifecycle::reconcile, "reconcile")
                // And those whose charge never answered at all (the process stopped between storing and charging).
                + each(payments.stalledIds(PaymentStatus.PROCESSING, clock.instant().minus(STALLED_AFTER)),
                lifecycle::resume, "resume");
    }

    /**
     * Completes bank payments whose settlement date has come without a return, if their file was delivered: a
     * debit in a file the bank was never given is not money the lender has.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int settleDue() {
        return each(payments.settlingIds(PaymentStatus.PENDING, LocalDate.now(clock), AchFileState.deliveredStates()),
                lifecycle::settle, "settle");
    }

    /** Runs the work for each payment on its own: one that fails is logged and the others go on. */
    private int each(List<Long> ids, LongConsumer work, String what) {
        int done = 0;
        for (long id : ids) {
            try {
                work.accept(id);
                done++;
            } catch (RuntimeException e) {
                log.error("Could not {} payment id {}; it is retried on the next run", what, id, e);
            }
        }
        return done;
    }
}
