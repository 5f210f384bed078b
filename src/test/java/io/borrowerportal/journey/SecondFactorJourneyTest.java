package io.borrowerportal.journey;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in with the password and then the code of their authenticator app (decision 018). */
@PortalJourneyTest
class SecondFactorJourneyTest {

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void staff_sign_in_with_the_password_then_the_code_and_reach_the_console(Browser browser) {
        LoginPage login = new LoginPage(browser, base()).open();
        login.passwordOnly(CustomerJourneyTest.STAFF, CustomerJourneyTest.PASSWORD);
        browser.screenshot("1-second-factor");

        // With the password alone the console stays out of reach.
        browser.open(base() + "/staff");
        browser.waitForPath("/second-factor");
        assertThat(browser.driver().findElements(By.id("customers"))).isEmpty();

        login.enterSecondFactor(DemoAuthenticator.nextCode(CustomerJourneyTest.STAFF));
        StaffHomePage staff = new StaffHomePage(browser).waitUntilShown();
        staff.waitForCustomer(CustomerJourneyTest.JANE);
        browser.screenshot("2-staff-home");
        staff.logout();
    }
}
