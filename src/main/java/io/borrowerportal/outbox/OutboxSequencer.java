package io.borrowerportal.outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Gives committed events their feed sequence numbers, in commit order (decision 029). An event's row id is
 * taken when it is inserted, but its transaction may commit after that of a later row: a reader whose cursor
 * were the id could pass the gap and never see the event. Here only committed rows are visible (READ
 * COMMITTED), one sequencer at a time holds the counter row, and a batch commits at once, so every number
 * a reader can see is final and a later commit always gets a higher number.
 */
@Component
class OutboxSequencer {

    /** Rows numbered per transaction; the rest wait for the next call. */
    static final int BATCH = 5_000;

    private final OutboxEvents events;
    private final TransactionTemplate tx;

    OutboxSequencer(OutboxEvents events, PlatformTransactionManager transactions) {
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Numbers every committed event that has no number yet.
     *
     * @return how many were numbered
     */
    int sequence() {
        int total = 0;
        while (events.anyUnsequenced()) {
            Integer numbered = tx.execute(status -> {
                long last = events.lockLastSequence();
                List<Long> ids = events.unsequenced(BATCH);
                if (ids.isEmpty()) {
                    return 0;
                }
                events.assign(ids, last + 1);
                events.saveLastSequence(last + ids.size());
                return ids.size();
            });
            total += numbered == null ? 0 : numbered;
            if (numbered == null || numbered < BATCH) {
                break;
            }
        }
        return total;
    }
}
