package io.borrowerportal.security;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in person: a customer or a staff member. {@code id} is the customer id for customers and
 * the staff user id for staff. Stored in the HTTP session, so it is serializable and holds no password
 * once authentication finished.
 */
public final class PortalUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String role;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    public PortalUser(long id, String role, String email, String displayName, String passwordHash,
                      boolean enabled, boolean locked) {
        this.id = id;
        this.role = role;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    public long id() {
        return id;
    }

    public String role() {
        return role;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isCustomer() {
        return Role.CUSTOMER.equals(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (Role.ADMIN.equals(role)) {
            // Admins do everything staff do.
            return List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN), new SimpleGrantedAuthority("ROLE_" + Role.STAFF));
        }
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "PortalUser[" + role + " " + id + "]";
    }
}
