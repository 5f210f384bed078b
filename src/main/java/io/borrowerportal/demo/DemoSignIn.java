package io.borrowerportal.demo;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Runs demo setup work as a demo user (a customer, a staff member), as if they had signed in, so it goes
 * through the same services and checks as theirs would; the previous sign-in (the system's) comes back after.
 */
@Component
class DemoSignIn {

    private final UserDetailsService users;

    DemoSignIn(UserDetailsService users) {
        this.users = users;
    }

    void run(String email, Runnable work) {
        call(email, () -> {
            work.run();
            return null;
        });
    }

    <T> T call(String email, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(email);
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(signedIn);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
