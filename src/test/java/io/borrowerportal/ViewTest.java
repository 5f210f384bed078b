package io.borrowerportal;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Base of the browserless view tests: the shared test context, and sign-in as a demo user. */
@PortalTest
@ViewPackages(packages = "io.borrowerportal")
public abstract class ViewTest extends SpringBrowserlessTest {

    @Autowired
    protected UserDetailsService users;

    /** Runs lender-side setup as the demo admin, then restores the test's own sign-in. */
    protected void asAdmin(Runnable work) {
        SecurityContext own = SecurityContextHolder.getContext();
        SignIn.as(users, "admin@example.com");
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }

    @AfterEach
    void signOutAfterTest() {
        SignIn.out();
    }
}
