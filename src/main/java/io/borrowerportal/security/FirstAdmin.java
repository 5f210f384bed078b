package io.borrowerportal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;

/**
 * Creates the first admin of a new installation from {@code portal.first-admin.email} and
 * {@code portal.first-admin.password}, so a production database (which never gets demo data) can be
 * signed into at all. It does nothing once any staff user exists, so the settings can stay in place
 * and the password can be changed without it coming back.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffUserRepository staff;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String email;
    private final String password;

    FirstAdmin(StaffUserRepository staff, PasswordEncoder passwordEncoder, Clock clock,
               @Value("${portal.first-admin.email:}") String email,
               @Value("${portal.first-admin.password:}") String password) {
        this.staff = staff;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (staff.count() > 0) {
            return;
        }
        if (email.isBlank()) {
            log.warn("No staff user exists yet. Set PORTAL_FIRST_ADMIN_EMAIL and PORTAL_FIRST_ADMIN_PASSWORD "
                    + "to create the first admin at the next start.");
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("PORTAL_FIRST_ADMIN_PASSWORD must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        staff.save(new StaffUser(normalized, passwordEncoder.encode(password), "Administrator", Role.ADMIN, clock.instant()));
        log.info("Created the first admin, {}", normalized);
    }
}
