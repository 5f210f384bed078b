package io.borrowerportal.settings;

import java.util.Objects;

/** Why a settings draft cannot be saved, reported on the field the editor shows it beside. */
public record SettingsProblem(SettingField field, String message) {

    public SettingsProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
