package io.borrowerportal.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Brings an admin's saved change to every node without a restart (decision 025): every
 * {@code portal.settings.refresh-interval} (2 s) each node reads the settings row's version, one primary key
 * read, and {@link SettingsService#reloadIfChanged} reloads the cached settings when it moved. So a change is in
 * force on every node within one interval of its commit (plus the read itself).
 * <p>
 * It runs on every node, so it takes no job lock, and on a thread of its own rather than the {@code @Scheduled}
 * jobs' scheduler: that one has a single thread, which a long job (the AutoPay run) holds for minutes, and it is
 * switched off with {@code portal.jobs.enabled=false}, which must not leave a node with stale settings.
 */
@Component
class SettingsRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SettingsRefresh.class);

    private final SettingsService settings;
    private final JdbcClient jdbc;
    private final Duration interval;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> task;
    private volatile boolean failing;

    SettingsRefresh(SettingsService settings, JdbcClient jdbc,
                    @Value("${portal.settings.refresh-interval:2s}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("portal.settings.refresh-interval must be positive, not " + interval);
        }
        this.settings = settings;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    Duration interval() {
        return interval;
    }

    /** One check: reads the row's version and lets the service reload if it moved. */
    void refresh() {
        try {
            long version = jdbc.sql("SELECT version FROM lender_settings WHERE id = 1").query(Long.class).single();
            settings.reloadIfChanged(version);
            if (failing) {
                failing = false;
                log.info("Settings refresh works again");
            }
        } catch (RuntimeException e) {
            // The database is away: keep serving the settings last read, and say so once, not every interval.
            if (!failing) {
                failing = true;
                log.warn("Settings refresh failed; serving the settings last read until it works again", e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        refresh();
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("settings-refresh-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        task = scheduler.scheduleWithFixedDelay(this::refresh, interval);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        task.cancel(false);
        scheduler.shutdown();
        scheduler = null;
        task = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
