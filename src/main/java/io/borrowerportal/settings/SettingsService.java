package io.borrowerportal.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.function.Consumer;

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
    private volatile AutoPaySettings autopay;

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

    // ---- The settings editor's contract (issue #12); implemented in the wt-settings branch ----

    /** The saved settings as an editable draft, with the version it was read at. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public SettingsDraft draft() {
        throw new UnsupportedOperationException("settings editor: not yet implemented");
    }

    /** Every problem with the draft as a whole; empty when it can be saved. Saves nothing. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public java.util.List<SettingsProblem> check(SettingsDraft draft) {
        throw new UnsupportedOperationException("settings editor: not yet implemented");
    }

    /** What saving the draft would change, field by field, against the saved settings. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public java.util.List<SettingChange> changes(SettingsDraft draft) {
        throw new UnsupportedOperationException("settings editor: not yet implemented");
    }

    /**
     * Saves the draft as a whole and audits each changed field with its old and new value.
     *
     * @throws SettingsRejectedException when {@link #check} finds a problem (nothing is saved)
     * @throws SettingsConflictException when the settings were saved by someone else since the draft was read
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SettingsSaved save(SettingsDraft draft) {
        throw new UnsupportedOperationException("settings editor: not yet implemented");
    }

    private LenderSettings save(Consumer<LenderSettings> change) {
        LenderSettings entity = entity();
        change.accept(entity);
        return repository.saveAndFlush(entity);
    }

    private LenderSettings entity() {
        return repository.findById(LenderSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("lender_settings row 1 is missing; migrations did not run"));
    }
}
