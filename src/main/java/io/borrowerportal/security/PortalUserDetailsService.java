package io.borrowerportal.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/** Finds staff first, then customers, by email. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private final StaffUserRepository staff;
    private final CustomerLogins customers;

    PortalUserDetailsService(StaffUserRepository staff, CustomerLogins customers) {
        this.staff = staff;
        this.customers = customers;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return staff.findByEmailIgnoreCase(email).map(StaffUser::toPortalUser)
                .or(() -> customers.findByEmail(email))
                // The message never reaches the user: the login form shows one generic error.
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
