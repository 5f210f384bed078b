package io.borrowerportal.settings;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.BusinessClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads and changes the customer website settings. They are read on every page, so the current
 * value is kept in memory and replaced when an admin saves; every other node reloads it within
 * {@code portal.settings.refresh-interval} through {@link SettingsRefresh} (decision 025). While a staff
 * preview of unsaved settings is on ({@link SettingsOverride}), the reads answer the previewed draft instead
 * (decision 024).
 */
@Service
public class SettingsService implements SmartInitializingSingleton {

    /** The audit's role of whoever saves: only an admin may. */
    private static final String ADMIN = "ADMIN";

    private final LenderSettingsRepository repository;
    private final LenderLogos logos;
    private final AuditService audit;
    private final Clock clock;
    private final BusinessClock businessClock;
    private final ObjectProvider<SettingsOverride> overrideProvider;
    private volatile List<SettingsOverride> overrides;
    private volatile WebsiteSettings current;
    private volatile PaymentSettings payments;
    private volatile AutoPaySettings autopay;
    /** The saved logo's full SHA-256 (null: none), and the logo itself once asked for. */
    private volatile String logoSha256;
    private volatile Logo logo;
    /** The records of the draft last previewed, so a page of a preview does not convert the draft on every read. */
    private volatile Previewed previewed;
    /** The row version {@link #reloadIfChanged} last loaded; -1 until the first check. */
    private volatile long seenVersion = -1;

    private record Previewed(SettingsDraft draft, WebsiteSettings website, PaymentSettings payments,
                             AutoPaySettings autopay, Logo logo) {
    }

    SettingsService(LenderSettingsRepository repository, LenderLogos logos, AuditService audit, Clock clock,
                    BusinessClock businessClock, ObjectProvider<SettingsOverride> overrides) {
        this.repository = repository;
        this.logos = logos;
        this.audit = audit;
        this.clock = clock;
        this.businessClock = businessClock;
        this.overrideProvider = overrides;
    }

    /** Reads the settings once every bean exists, so the business clock is in the lender's zone before any job or page. */
    @Override
    public void afterSingletonsInstantiated() {
        cache(entity());
    }

    public WebsiteSettings current() {
        Optional<Previewed> preview = preview();
        if (preview.isPresent()) {
            return preview.get().website();
        }
        WebsiteSettings settings = current;
        if (settings == null) {
            settings = cache(entity()).toRecord();
        }
        return settings;
    }

    public PaymentSettings payments() {
        Optional<Previewed> preview = preview();
        if (preview.isPresent()) {
            return preview.get().payments();
        }
        PaymentSettings settings = payments;
        if (settings == null) {
            settings = cache(entity()).toPaymentSettings();
        }
        return settings;
    }

    public AutoPaySettings autopay() {
        Optional<Previewed> preview = preview();
        if (preview.isPresent()) {
            return preview.get().autopay();
        }
        AutoPaySettings settings = autopay;
        if (settings == null) {
            settings = cache(entity()).toAutoPaySettings();
        }
        return settings;
    }

    /**
     * The lender's logo, as the customer's pages show it (the previewed draft's during a preview of one), or empty
     * when there is none. Anyone may read it: the sign-in page shows it.
     */
    public Optional<Logo> logo() {
        Optional<Previewed> preview = preview();
        if (preview.isPresent()) {
            return Optional.ofNullable(preview.get().logo());
        }
        String sha = logoSha256;
        if (sha == null) {
            return Optional.empty();
        }
        Logo known = logo;
        if (known != null && known.version().equals(LogoFile.version(sha))) {
            return Optional.of(known);
        }
        Optional<Logo> loaded = logos.content(sha).map(bytes -> new Logo(bytes, LogoFile.contentType(bytes), LogoFile.version(sha)));
        loaded.ifPresent(l -> logo = l);
        return loaded;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AutoPaySettings updateAutopay(AutoPaySettings settings) {
        return cacheAfterCommit(save(entity -> entity.apply(settings, clock.instant()))).toAutoPaySettings();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PaymentSettings updatePayments(PaymentSettings settings) {
        return cacheAfterCommit(save(entity -> entity.apply(settings, clock.instant()))).toPaymentSettings();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public WebsiteSettings update(WebsiteSettings settings) {
        return cacheAfterCommit(save(entity -> entity.apply(settings, clock.instant()))).toRecord();
    }

    // ---- The settings editor's contract (issue #12) ----

    /** The saved settings as an editable draft, with the version it was read at. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public SettingsDraft draft() {
        LenderSettings entity = entity();
        SettingsDraft draft = entity.toDraft();
        if (entity.logoSha256() != null) {
            draft.setLogo(logos.content(entity.logoSha256()).orElse(null));
        }
        draft.readAs(SettingsDrafts.words(draft, entity.logoSha256()));
        return draft;
    }

    /** Every problem with the draft as a whole; empty when it can be saved. Saves nothing. */
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<SettingsProblem> check(SettingsDraft draft) {
        return SettingsDrafts.problems(Objects.requireNonNull(draft, "draft"));
    }

    /** What saving the draft would change, field by field, against the saved settings. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public List<SettingChange> changes(SettingsDraft draft) {
        LenderSettings entity = entity();
        return SettingsDrafts.diff(SettingsDrafts.words(entity.toDraft(), entity.logoSha256()),
                SettingsDrafts.words(draft, logoSha256(draft)));
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
        List<SettingsProblem> problems = SettingsDrafts.problems(Objects.requireNonNull(draft, "draft"));
        if (!problems.isEmpty()) {
            throw new SettingsRejectedException(problems);
        }
        // Locked until this transaction ends: a second save of the same version waits here, then finds the version
        // moved on and is told whose change it was. @Version stays as the last line for writers that do not lock.
        LenderSettings entity = repository.lockById(LenderSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("lender_settings row 1 is missing; migrations did not run"));
        if (entity.version() != draft.getVersion()) {
            Map<SettingField, String> readAs = draft.readAs();
            List<SettingChange> theirs = readAs == null ? List.of()
                    : SettingsDrafts.diff(readAs, SettingsDrafts.words(entity.toDraft(), entity.logoSha256()));
            throw new SettingsConflictException(theirs, entity.updatedBy(), entity.updatedAt(), entity.version());
        }
        String newLogo = logoSha256(draft);
        List<SettingChange> changes = SettingsDrafts.diff(SettingsDrafts.words(entity.toDraft(), entity.logoSha256()),
                SettingsDrafts.words(draft, newLogo));
        if (changes.isEmpty()) {
            return new SettingsSaved(entity.version(), List.of());
        }
        String actor = actor();
        Instant now = clock.instant();
        entity.apply(draft, actor, now);
        if (!Objects.equals(newLogo, entity.logoSha256())) {
            byte[] bytes = draft.getLogo();
            logos.keepOnly(newLogo, bytes == null ? null : LogoFile.contentType(bytes), bytes, now);
            entity.useLogo(newLogo);
        }
        LenderSettings saved;
        try {
            saved = repository.saveAndFlush(entity);
        } catch (OptimisticLockingFailureException e) {
            throw new SettingsConflictException(List.of(), null, null, -1);
        }
        for (SettingChange change : changes) {
            audit.recordWithin(actor, ADMIN, null, null, null, AuditAction.SETTINGS_CHANGED,
                    change.field().label() + ": " + change.before() + " → " + change.after());
        }
        cacheAfterCommit(saved);
        return new SettingsSaved(saved.version(), changes);
    }

    /**
     * Caches the saved row once its transaction commits: cached before, a rollback would leave this node
     * serving settings the database never held, and the refresh could read the old row in between.
     */
    private LenderSettings cacheAfterCommit(LenderSettings entity) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache(entity);
            }
        });
        return entity;
    }

    /**
     * Replaces what every node's pages read here, and the business clock's zone. Synchronized with
     * {@link #reloadIfChanged}, so a refresh that read the row before a save committed cannot overwrite the
     * saved values after they were cached.
     */
    private synchronized LenderSettings cache(LenderSettings entity) {
        WebsiteSettings website = entity.toRecord();
        payments = entity.toPaymentSettings();
        autopay = entity.toAutoPaySettings();
        logoSha256 = entity.logoSha256();
        current = website;
        businessClock.changeZone(website.timeZone());
        return entity;
    }

    private Optional<Previewed> preview() {
        List<SettingsOverride> known = overrides;
        if (known == null) {
            known = overrideProvider.orderedStream().toList();
            overrides = known;
        }
        for (SettingsOverride override : known) {
            Optional<SettingsDraft> draft = override.draftInForce();
            if (draft.isPresent()) {
                return Optional.of(previewOf(draft.get()));
            }
        }
        return Optional.empty();
    }

    private Previewed previewOf(SettingsDraft draft) {
        Previewed last = previewed;
        if (last != null && last.draft() == draft) {
            return last;
        }
        String sha = logoSha256(draft);
        byte[] bytes = draft.getLogo();
        Previewed records = new Previewed(draft, SettingsDrafts.website(draft, LogoFile.version(sha)),
                SettingsDrafts.payments(draft), SettingsDrafts.autopay(draft),
                bytes == null ? null : new Logo(bytes, LogoFile.contentType(bytes), LogoFile.version(sha)));
        previewed = records;
        return records;
    }

    private static String logoSha256(SettingsDraft draft) {
        byte[] bytes = draft.getLogo();
        return bytes == null ? null : LogoFile.sha256(bytes);
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private LenderSettings save(Consumer<LenderSettings> change) {
        LenderSettings entity = entity();
        change.accept(entity);
        entity.savedBy(actor());
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
        // The version of the row read, not the one polled: a save committed in between is then seen again.
        seenVersion = cache(entity()).version();
    }

    private LenderSettings entity() {
        return repository.findById(LenderSettings.SINGLETON_ID)
                .orElseThrow(() -> new IllegalStateException("lender_settings row 1 is missing; migrations did not run"));
    }
}
