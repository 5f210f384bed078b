package io.borrowerportal;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Base of the service tests: the shared test context, sign-in as a demo user, sign-out after each test. */
@PortalTest
public abstract class ServiceTest {

    @Autowired
    protected UserDetailsService users;

    @AfterEach
    void signOutAfterTest() {
        SignIn.out();
    }
}
