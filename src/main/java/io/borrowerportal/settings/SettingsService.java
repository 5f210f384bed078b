package io.borrowerportal.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Reads and changes the customer website settings. They are read on every page, so the current
 * value is kept in memory and replaced when an admin saves; every other node reloads it within
 * {@code portal.settings.refresh-interval} through {@link SettingsRefresh} (decision 025).
 */
@Service
public class SettingsService {

    private final LenderSettingsRepository repository;
    private final Clock clock;
    private volatile WebsiteSettings current;
    private volatile PaymentSettings payments;
    private volatile AutoPaySettings autopay;
    /** The row version {@link #reloadIfChanged} last loaded; -1 until the first check. */
    private volatile long seenVersion = -1;

    SettingsService(LenderSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public WebsiteSettings current() {
        WebsiteSettings settings = current;
        if (settings == null) {
            settings = entity().toRecord();
            current = settings;
        }
        return settings;
    }

    public PaymentSettings payments() {
        PaymentSettings settings = payments;
        if (settings == null) {
            settings = entity().toPaymentSettings();
            payments = settings;
        }
        return settings;
    }

    public AutoPaySettings autopay() {
        AutoPaySettings settings = autopay;
        if (settings == null) {
            settings = entity().toAutoPaySettings();
            autopay = settings;
        }
        return settings;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AutoPaySettings updateAutopay(AutoPaySettings settings) {
        AutoPaySettings saved = save(entity -> entity.apply(settings, clock.instant())).toAutoPaySettings();
        autopay = saved;
        return saved;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PaymentSettings updatePayments(PaymentSettings settings) {
        PaymentSettings saved = save(entity -> entity.apply(settings, clock.instant())).toPaymentSettings();
        payments = saved;
        return saved;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public WebsiteSettings update(WebsiteSettings settings) {
        WebsiteSettings saved = save(entity -> entity.apply(settings, clock.instant())).toRecord();
        current = saved;
        return saved;
    }

    private LenderSettings save(Consumer<LenderSettings> change) {
        LenderSettings entity = entity();
        change.accept(entity);
        return repository.saveAndFlush(entity);
    }

    /**
     * Replaces every cached value with the row's when the database holds another version than the one last
     * seen here (an admin saved on another node, or a save here was rolled back). Called by
     * {@link SettingsRefresh} every few seconds; reloading all three values from one read, rather than dropping
     * them, keeps a reader that was loading an older row from outliving the newer one.
     */
    synchronized void reloadIfChanged(long databaseVersion) {
        if (databaseVersion == seenVersion) {
            return;
        }
        LenderSettings entity = entity();
        current = entity.toRecord();
        payments = entity.toPaymentSettings();
        autopay = entity.toAutoPaySettings();
        seenVersion = databaseVersion;
    }

    private LenderSettings entity() {
        return repository.findById(LenderSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("lender_settings row 1 is missing; migrations did not run"));
    }
}
