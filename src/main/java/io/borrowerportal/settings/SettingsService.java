package io.borrowerportal.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Reads and changes the customer website settings. They are read on every page, so the current
 * value is kept in memory and replaced when an admin saves; another node picks a change up on restart
 * until the settings editor adds a refresh (issue tracker).
 */
@Service
public class SettingsService {

    private final LenderSettingsRepository repository;
    private final Clock clock;
    private volatile WebsiteSettings current;
    private volatile PaymentSettings payments;

    SettingsService(LenderSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public WebsiteSettings current() {
        WebsiteSettings settings = current;
        if (settings == null) {
            settings = load();
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

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PaymentSettings updatePayments(PaymentSettings settings) {
        LenderSettings entity = repository.findById(LenderSettings.SINGLETON_ID).orElseThrow();
        entity.apply(settings, clock.instant());
        PaymentSettings saved = repository.saveAndFlush(entity).toPaymentSettings();
        payments = saved;
        return saved;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public WebsiteSettings update(WebsiteSettings settings) {
        LenderSettings entity = repository.findById(LenderSettings.SINGLETON_ID).orElseThrow();
        entity.apply(settings, clock.instant());
        WebsiteSettings saved = repository.saveAndFlush(entity).toRecord();
        current = saved;
        return saved;
    }

    private WebsiteSettings load() {
        return entity().toRecord();
    }

    private LenderSettings entity() {
        return repository.findById(LenderSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("lender_settings row 1 is missing; migrations did not run"));
    }
}
