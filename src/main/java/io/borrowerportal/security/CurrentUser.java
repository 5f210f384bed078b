package io.borrowerportal.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The two identities of the current request: the customer being served and the person acting. They
 * are the same person except during a staff preview.
 */
@Component
public class CurrentUser {

    /** The customer whose data this request may read; refuses when nobody is served. */
    public PortalUser customer() {
        return servedCustomer().orElseThrow(() -> new AccessDeniedException("No customer is signed in"));
    }

    public long customerId() {
        return customer().id();
    }

    public Optional<PortalUser> servedCustomer() {
        return principal().filter(PortalUser::isCustomer);
    }

    /** The person acting: the staff member during a preview, otherwise the signed-in user. */
    public Optional<PortalUser> actor() {
        Authentication auth = authentication();
        if (auth instanceof PreviewAuthentication preview) {
            return Optional.of(preview.actor());
        }
        return principal();
    }

    public boolean previewing() {
        return authentication() instanceof PreviewAuthentication;
    }

    private Optional<PortalUser> principal() {
        Authentication auth = authentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof PortalUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
