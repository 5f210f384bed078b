package io.borrowerportal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;
import java.util.List;

/**
 * The authentication held while a staff member previews a customer's website. Its principal is the
 * customer, so every customer-facing service serves that customer; the staff member's own
 * authentication is kept as the actor and restored when the preview ends. It grants CUSTOMER and
 * PREVIEW, never STAFF: staff screens are out of reach until the preview ends.
 */
public final class PreviewAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final PortalUser customer;
    private final Authentication actorAuthentication;

    PreviewAuthentication(PortalUser customer, Authentication actorAuthentication) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + Role.CUSTOMER), new SimpleGrantedAuthority("ROLE_" + Role.PREVIEW)));
        this.customer = customer;
        this.actorAuthentication = actorAuthentication;
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
}
