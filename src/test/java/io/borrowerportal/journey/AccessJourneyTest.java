package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import io.borrowerportal.access.AccessFixtures;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.access.PasswordResets;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new borrower gets in, on a phone-sized window: staff invite her, she activates from the emailed link with a
 * password of her own, signs in, signs out, forgets it, resets it from the second email and signs in with the new
 * one. A customer only: staff sign-in gains a second factor elsewhere.
 */
@PortalJourneyTest
class AccessJourneyTest {

    static final String FIRST_PASSWORD = "maple river quiet lantern";
    static final String NEW_PASSWORD = "copper kite over the dunes";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    Invitations invitations;

    @AfterEach
    void signOutTestThread() {
        SignIn.out();
    }

    @Test
    void a_new_customer_activates_from_the_invitation_signs_in_and_resets_a_forgotten_password(Browser browser) {
        String base = "http://localhost:" + port;
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "journey");
        SignIn.as(users, "staff@example.com");
        invitations.invite(ada.id());
        SignIn.out();

        AccessPages access = new AccessPages(browser, base);
        String invitation = AccessFixtures.awaitMail(ada.email(), "Activate your account");
        access.openEmailedLink(AccessFixtures.link(invitation, AccessNavigation.SET_FIRST_PASSWORD));
        assertThat(access.title()).isEqualTo("Choose your password");
        browser.screenshot("1-choose-first-password");
        assertThat(access.choosePassword(FIRST_PASSWORD)).contains("Your account is active");
        browser.screenshot("2-sign-in-after-activation");

        LoginPage login = new LoginPage(browser, base);
        login.loginAs(ada.email(), FIRST_PASSWORD);
        browser.waitForPath("/accounts");
        assertThat(browser.bodyText()).contains(ada.loanNumber());
        new CustomerFrame(browser).logout();

        assertThat(access.forgotPassword(ada.email())).isEqualTo(PasswordResets.REQUEST_ANSWER);
        browser.screenshot("3-forgot-password-answer");
        String reset = AccessFixtures.awaitMail(ada.email(), "Reset your password");
        access.openEmailedLink(AccessFixtures.link(reset, AccessNavigation.RESET_PASSWORD));
        assertThat(access.title()).isEqualTo("Choose a new password");
        assertThat(access.choosePassword(NEW_PASSWORD)).contains("Your password was changed");

        login.attempt(ada.email(), FIRST_PASSWORD);
        login.loginAs(ada.email(), NEW_PASSWORD);
        browser.waitForPath("/accounts");
        assertThat(browser.bodyText()).contains(ada.loanNumber());

        // The reset link is single-use: opened again, the page says so and offers a new one.
        access.openEmailedLink(AccessFixtures.link(reset, AccessNavigation.RESET_PASSWORD));
        assertThat(browser.visible(By.id("link-refused")).getText()).contains("already been used");
        browser.screenshot("4-used-link");
    }
}
