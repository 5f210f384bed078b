package io.borrowerportal.settings;

import java.util.Objects;

/** One field's value before and after a change, in the lender's words (as the confirmation and the audit show it). */
public record SettingChange(SettingField field, String before, String after) {

    public SettingChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
