package io.borrowerportal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.borrowerportal.settings.SettingsDraft;

import java.io.Serial;
import java.util.List;
import java.util.Optional;

/**
 * The authentication held while a staff member previews a customer's website. Its principal is the
 * customer, so every customer-facing service serves that customer; the staff member's own
 * authentication is kept as the actor and restored when the preview ends. It grants CUSTOMER and
 * PREVIEW, never STAFF: staff screens are out of reach until the preview ends. A preview of unsaved settings also
 * carries the draft, which every settings read during the preview answers (decision 024).
 */
public final class PreviewAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final PortalUser customer;
    private final Authentication actorAuthentication;
    /** Unsaved settings the preview shows in place of the saved ones (issue #12), or null for the saved ones. */
    private final SettingsDraft draft;

    PreviewAuthentication(PortalUser customer, Authentication actorAuthentication) {
        this(customer, actorAuthentication, null);
    }

    PreviewAuthentication(PortalUser customer, Authentication actorAuthentication, SettingsDraft draft) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + Role.CUSTOMER), new SimpleGrantedAuthority("ROLE_" + Role.PREVIEW)));
        this.customer = customer;
        this.actorAuthentication = actorAuthentication;
        this.draft = draft;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PortalUser getPrincipal() {
        return customer;
    }

    public PortalUser actor() {
        return (PortalUser) actorAuthentication.getPrincipal();
    }

    Authentication actorAuthentication() {
        return actorAuthentication;
    }

    /** The unsaved settings this preview shows, if it shows any (read by {@link PreviewSettingsOverride}). */
    Optional<SettingsDraft> draft() {
        return Optional.ofNullable(draft);
    }
}
