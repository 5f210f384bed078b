package io.borrowerportal.payment;

import io.borrowerportal.paymentprofile.PaymentChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Payments and ACH files as Prometheus sees them (decision 038). {@code portal_payments_total} counts each payment as
 * it enters a status, by channel (card, bank) and status, once its transaction has committed: a rolled-back payment
 * was never made, and is not counted. Declined card payments rising against completed ones, or returned bank
 * payments, show at a glance. The ACH export records how long building a file took and how many entries and bytes
 * it holds.
 */
@Component
class PaymentMetrics {

    private final Map<PaymentChannel, Map<PaymentStatus, Counter>> entered = new EnumMap<>(PaymentChannel.class);
    private final Timer achExport;
    private final DistributionSummary achEntries;
    private final DistributionSummary achBytes;

    PaymentMetrics(MeterRegistry registry) {
        for (PaymentChannel channel : PaymentChannel.values()) {
            Map<PaymentStatus, Counter> byStatus = new EnumMap<>(PaymentStatus.class);
            for (PaymentStatus status : PaymentStatus.values()) {
                byStatus.put(status, Counter.builder("portal.payments")
                        .description("Payments entering a status, by channel and status")
                        .tag("channel", lower(channel.name())).tag("status", lower(status.name()))
                        .register(registry));
            }
            entered.put(channel, byStatus);
        }
        achExport = Timer.builder("portal.ach.export").description("Time to build and store one NACHA file")
                .register(registry);
        achEntries = DistributionSummary.builder("portal.ach.export.entries")
                .description("Entries (debits) in one NACHA file").register(registry);
        achBytes = DistributionSummary.builder("portal.ach.export.size").baseUnit("bytes")
                .description("Size of one NACHA file").register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    void entered(PaymentChannel channel, PaymentStatus status) {
        Counter counter = entered.get(channel).get(status);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    void exported(int entries, long bytes, Duration took) {
        achExport.record(took);
        achEntries.record(entries);
        achBytes.record(bytes);
    }
}
