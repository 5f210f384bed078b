package io.borrowerportal.settings;

import java.util.Optional;

/**
 * Unsaved settings in force for the current request: a staff preview of a draft (issue #12). {@code security}
 * implements it from the signed-in preview, since settings may not know about sign-in (decision 001); while a
 * draft is in force, {@link SettingsService#current()}, {@link SettingsService#payments()} and
 * {@link SettingsService#autopay()} answer its values.
 */
public interface SettingsOverride {

    Optional<SettingsDraft> draftInForce();
}
