package io.borrowerportal.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;

/** Creates staff users. The admin screens for staff come with their issue; demo data uses this now. */
@Service
public class StaffDirectory {

    private final StaffUserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    StaffDirectory(StaffUserRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN','SYSTEM')")
    public long create(String email, String displayName, String role, String rawPassword) {
        if (!Role.STAFF.equals(role) && !Role.ADMIN.equals(role)) {
            throw new IllegalArgumentException("Staff role must be STAFF or ADMIN");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (repository.existsByEmailIgnoreCase(normalized)) {
            throw new IllegalArgumentException("A staff user with this email already exists");
        }
        StaffUser user = new StaffUser(normalized, passwordEncoder.encode(rawPassword), displayName, role, clock.instant());
        return repository.save(user).toPortalUser().id();
    }

    /** Whether a staff member signs in with this email (a customer may not take it: one address, one sign-in). */
    @Transactional(readOnly = true)
    public boolean emailInUse(String email) {
        return email != null && repository.existsByEmailIgnoreCase(email.trim());
    }
}
