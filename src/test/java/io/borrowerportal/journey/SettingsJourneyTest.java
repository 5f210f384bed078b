package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.SummaryField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin switches Payment Profiles off and hides "Interest rate" from the Summary; Jane, signed in all along in
 * another browser, sees both on her next page without anyone restarting anything; then the admin puts both back
 * and Jane sees them again.
 */
@PortalJourneyTest
class SettingsJourneyTest {

    static final String ADMIN = "admin@example.com";
    static final String JANE = "jane.borrower@example.com";
    static final String LOAN = "AUTO-100482";

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    SettingsService settings;

    private SettingsDraft original;

    @BeforeEach
    void rememberSettings() {
        SignIn.as(users, ADMIN);
        try {
            original = settings.draft();
        } finally {
            SignIn.out();
        }
    }

    /** Puts the settings back as the test found them, even when the test failed half way. */
    @AfterEach
    void restoreSettings() {
        SignIn.as(users, ADMIN);
        try {
            SettingsDraft now = settings.draft();
            // The journey changes these two only.
            now.setProfilesEnabled(original.isProfilesEnabled());
            now.setSummaryFields(original.getSummaryFields());
            if (!settings.changes(now).isEmpty()) {
                settings.save(now);
            }
        } finally {
            SignIn.out();
        }
    }

    @Test
    void jane_sees_the_admins_saved_settings_on_her_next_page_in_another_browser(Browser admin) throws Exception {
        assertThat(original.isProfilesEnabled()).as("the demo offers Payment Profiles").isTrue();
        assertThat(original.getSummaryFields()).as("the demo shows the interest rate").contains(SummaryField.INTEREST_RATE);
        String base = "http://localhost:" + port;
        Browser jane = BrowserSupport.launch("SettingsJourneyTest.jane");
        try {
            new LoginPage(jane, base).open().loginAs(JANE, CustomerJourneyTest.PASSWORD);
            AccountPage janesLoan = new AccountPage(jane, base, LOAN).openSummary();
            assertThat(jane.driver().findElements(By.id("tab-profiles"))).hasSize(1);
            assertThat(jane.driver().findElements(By.id("field-interest-rate"))).hasSize(1);

            new LoginPage(admin, base).open().loginAs(ADMIN, CustomerJourneyTest.PASSWORD);
            SettingsPage page = new SettingsPage(admin, base).open();
            List<String> order = page.summaryOrder();
            assertThat(order).contains("interest-rate");
            page.check("setting-profiles-section", false).summary("remove", "interest-rate");
            List<String> changes = page.saveAndReadChanges();
            admin.screenshot("1-confirm");
            assertThat(changes).hasSize(2);
            assertThat(changes).anySatisfy(c -> assertThat(c).startsWith("Payment Profiles").contains("→"));
            assertThat(changes).anySatisfy(c -> assertThat(c).startsWith("Summary fields").contains("→"));
            page.confirm();

            // Jane's next page follows the saved settings: no Payment Profiles tab, no interest rate.
            janesLoan.openSummary();
            jane.screenshot("2-jane-after-change");
            assertThat(jane.driver().findElements(By.id("tab-profiles"))).isEmpty();
            assertThat(jane.driver().findElements(By.id("field-interest-rate"))).isEmpty();
            assertThat(jane.driver().findElements(By.id("tab-summary"))).hasSize(1);

            // The admin puts both back, the interest rate where it was.
            page.open().check("setting-profiles-section", true).addSummaryField(SummaryField.INTEREST_RATE.label());
            for (int moves = order.size() - 1 - order.indexOf("interest-rate"); moves > 0; moves--) {
                page.summary("up", "interest-rate");
            }
            assertThat(page.summaryOrder()).containsExactlyElementsOf(order);
            assertThat(page.saveAndReadChanges()).hasSize(2);
            page.confirm();

            janesLoan.openSummary();
            jane.screenshot("3-jane-after-restore");
            assertThat(jane.driver().findElements(By.id("tab-profiles"))).hasSize(1);
            assertThat(jane.driver().findElements(By.id("field-interest-rate"))).hasSize(1);
        } finally {
            BrowserSupport.quit(jane);
        }
    }
}
