package io.borrowerportal.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * State kept for the current transaction only, as one of its synchronizations rather than a bound resource: Spring
 * sets a transaction's synchronizations aside while a {@code REQUIRES_NEW} transaction runs inside it, so the inner
 * one starts without the outer's state, and the state is gone when the transaction ends.
 */
public final class TransactionSynchronizations {

    private TransactionSynchronizations() {
    }

    /**
     * The current transaction's synchronization of this type that {@code mine} accepts, registered from
     * {@code create} the first time it is asked for; {@link IllegalStateException} outside a transaction.
     */
    public static <S extends TransactionSynchronization> S current(Class<S> type, Predicate<S> mine, Supplier<S> create) {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (type.isInstance(synchronization) && mine.test(type.cast(synchronization))) {
                return type.cast(synchronization);
            }
        }
        S created = create.get();
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }
}
