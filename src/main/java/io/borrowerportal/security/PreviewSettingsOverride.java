package io.borrowerportal.security;

import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsOverride;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The draft of a staff preview of unsaved settings is in force for the requests of that preview, and nowhere else. */
@Component
class PreviewSettingsOverride implements SettingsOverride {

    @Override
    public Optional<SettingsDraft> draftInForce() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PreviewAuthentication preview
                ? preview.draft() : Optional.empty();
    }
}
