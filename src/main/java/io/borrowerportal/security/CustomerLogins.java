package io.borrowerportal.security;

import java.util.Optional;

/**
 * How sign-in and the staff preview find customers. Implemented by the customer module, so security
 * does not depend on it.
 */
public interface CustomerLogins {

    Optional<PortalUser> findByEmail(String email);

    Optional<PortalUser> findById(long customerId);
}
