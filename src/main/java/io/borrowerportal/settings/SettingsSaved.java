package io.borrowerportal.settings;

import java.util.List;

/** A saved change: the settings' new version and what changed. */
public record SettingsSaved(long version, List<SettingChange> changes) {

    public SettingsSaved {
        changes = List.copyOf(changes);
    }
}
