package io.borrowerportal.security;

import java.time.Instant;
import java.util.Optional;

/**
 * How sign-in and the staff preview find customers. Implemented by the customer module, so security
 * does not depend on it.
 */
public interface CustomerLogins {

    Optional<PortalUser> findByEmail(String email);

    Optional<PortalUser> findById(long customerId);

    /** Sessions of this customer signed in before this instant have ended (a password reset or change). */
    Optional<Instant> sessionsValidAfter(long customerId);

    /** Stores a new password hash and ends every session signed in before {@code sessionsValidAfter}. */
    void changePassword(long customerId, String passwordHash, Instant sessionsValidAfter);
}
