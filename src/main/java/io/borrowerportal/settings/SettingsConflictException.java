package io.borrowerportal.settings;

import java.io.Serial;
import java.time.Instant;
import java.util.List;

/**
 * A draft made from an older version than the one saved: someone else saved in between. Nothing was saved;
 * the editor shows what the other change was ({@link #theirChanges()}) and who made it, and the draft stays.
 */
public class SettingsConflictException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<SettingChange> theirChanges;
    private final String changedBy;
    private final Instant changedAt;
    private final long currentVersion;

    public SettingsConflictException(List<SettingChange> theirChanges, String changedBy, Instant changedAt,
                                     long currentVersion) {
        super((changedBy == null ? "Someone" : changedBy) + " saved the settings while you were editing them");
        this.theirChanges = List.copyOf(theirChanges);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.currentVersion = currentVersion;
    }

    public List<SettingChange> theirChanges() {
        return theirChanges;
    }

    /** Who saved the version the draft did not start from, or null when not recorded. */
    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
