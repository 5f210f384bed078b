package io.borrowerportal.autopay;

import io.borrowerportal.paymentprofile.BankAccountClosedForDebits;
import io.borrowerportal.security.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.EnumSet;

/**
 * Suspends every AutoPay on a bank account the bank closed for debits (R07 authorization revoked, R10 not
 * authorized, ...), and tells each customer. It runs after the return committed, in a transaction of its own
 * as the system: the return never waits for AutoPay rows while it holds its account's lock. Should this step
 * be lost (a crash right after the return), nothing is paid anyway: the profiles are already unusable, and
 * the AutoPay run suspends an AutoPay whose method is unusable when it comes due.
 */
@Component
class AutoPaySuspensions {

    private static final Logger log = LoggerFactory.getLogger(AutoPaySuspensions.class);

    private final AutoPayRepository autopays;
    private final AutoPayLog autopayLog;
    private final AutoPayNotices notices;
    private final TransactionTemplate tx;
    private final Clock clock;

    AutoPaySuspensions(AutoPayRepository autopays, AutoPayLog autopayLog, AutoPayNotices notices,
                       PlatformTransactionManager transactions, Clock clock) {
        this.autopays = autopays;
        this.autopayLog = autopayLog;
        this.notices = notices;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener
    void on(BankAccountClosedForDebits closed) {
        try {
            int count = SystemTask.call(() -> tx.execute(status -> suspend(closed)));
            if (count > 0) {
                log.info("Suspended {} AutoPays after return {} of payment {}", count, closed.returnCode(),
                        closed.confirmationNumber());
            }
        } catch (RuntimeException e) {
            log.error("AutoPays on the bank account of payment {} could not be suspended now; the AutoPay run "
                    + "suspends them when they come due", closed.confirmationNumber(), e);
        }
    }

    private int suspend(BankAccountClosedForDebits closed) {
        int count = 0;
        for (AutoPay autopay : autopays.findByProfileIdInAndStatusIn(closed.profileIds(),
                EnumSet.of(AutoPayStatus.ACTIVE, AutoPayStatus.PAUSED))) {
            autopay.moveTo(AutoPayStatus.SUSPENDED, "Your bank returned payment " + closed.confirmationNumber()
                    + " (" + closed.returnCode() + ": " + closed.description() + "), so AutoPay can no longer debit "
                    + autopay.methodLabel() + ".", clock.instant());
            autopayLog.record(autopay, AutoPayEvent.Action.SUSPENDED, autopay.statusReason());
            notices.suspended(autopay);
            count++;
        }
        return count;
    }
}
