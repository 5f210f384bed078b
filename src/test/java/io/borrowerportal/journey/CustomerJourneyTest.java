package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import io.borrowerportal.TenYearBorrower;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditQuery;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The flows customers and staff live by, in a real Chromium against the running application. */
@PortalJourneyTest
class CustomerJourneyTest {

    static final String PASSWORD = "demo-password-1";
    static final String JANE = "jane.borrower@example.com";
    static final String STAFF = "staff@example.com";

    @LocalServerPort
    int port;

    @Autowired
    AuditService audit;

    @Autowired
    CustomerService customerService;

    @Autowired
    UserDetailsService userDetailsService;

    String base() {
        return "http://localhost:" + port;
    }

    @AfterEach
    void signOutTestThread() {
        SignIn.out();
    }

    @Test
    void jane_logs_in_sees_both_accounts_opens_the_auto_loan_and_downloads_the_csv(Browser browser) throws Exception {
        LoginPage login = new LoginPage(browser, base()).open();
        String sessionBeforeLogin = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        login.loginAs(JANE, PASSWORD);

        AccountsPage accounts = new AccountsPage(browser, base()).waitUntilShown();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/accounts");
        // A new session id at sign-in, so a session id planted before it is worthless after.
        assertThat(browser.driver().manage().getCookieNamed("JSESSIONID").getValue()).isNotEqualTo(sessionBeforeLogin);
        assertThat(accounts.cards()).hasSize(2);
        assertThat(accounts.loanNumbers()).containsExactlyInAnyOrder("AUTO-100482", "PL-200731");
        browser.screenshot("1-accounts");

        AccountPage auto = accounts.openAccount("AUTO-100482");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/accounts/AUTO-100482/summary");
        assertThat(auto.summaryFields().isDisplayed()).isTrue();
        assertThat(auto.summaryFields().getDomProperty("textContent")).contains("Payoff amount");
        browser.screenshot("2-summary");

        auto.openTransactionsTab();
        assertThat(auto.hasGrid("history")).as("history grid").isTrue();
        assertThat(auto.hasGrid("forecast")).as("forecast grid before it is asked for").isFalse();
        assertThat(browser.visible(By.id("forecast-outline")).getText()).contains("payments to payoff");
        auto.showForecast();
        assertThat(auto.hasGrid("forecast")).as("forecast grid").isTrue();
        // The grids' rows come through their lazy data providers (decision 039).
        assertThat(auto.gridRowsText("history")).contains("Payment", "Posted");
        assertThat(auto.gridRowsText("forecast")).contains("$");
        browser.screenshot("3-transactions");

        Path csv = auto.downloadHistoryCsv();
        List<String> lines = Files.readAllLines(csv);
        assertThat(csv.getFileName().toString()).isEqualTo("transactions-AUTO-100482.csv");
        assertThat(lines.getFirst()).startsWith("Date,Type,Description");
        assertThat(lines).hasSizeGreaterThan(1);

        new CustomerFrame(browser).logout();
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        assertThat(new LoginPage(browser, base()).isShown()).isTrue();

        SignIn.as(userDetailsService, "admin@example.com");
        long jane = SystemTask.call(() -> customerService.idOf(JANE).orElseThrow());
        assertThat(audit.search(AuditQuery.forCustomer(jane))).extracting(AuditEntry::action)
                .containsSubsequence(AuditAction.LOGOUT, AuditAction.LOGIN_SUCCEEDED);
    }

    /**
     * A session keeps the rows a grid asked for (decision 039), so opening Transactions must ask for one page of a long
     * history, on a desktop as on a phone; the rest arrive, read again, as the borrower scrolls.
     */
    @Test
    void a_long_history_asks_for_one_page_when_it_opens_and_the_oldest_rows_when_scrolled_to(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(TenYearBorrower.EMAIL, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();
        AccountPage loan = new AccountPage(browser, base(), TenYearBorrower.LONG_LOAN);
        for (Dimension window : List.of(new Dimension(1280, 1000), new Dimension(390, 844))) {
            browser.driver().manage().window().setSize(window);
            loan.openSummary().openTransactionsTab();
            assertThat(loan.gridRowsText("history")).contains("Payment");
            AccountPage.GridRows rows = loan.gridRows("history", 120);
            assertThat(rows.size()).as("history rows").isEqualTo(121);
            assertThat(rows.loaded()).as("rows asked for at %s", window).isPositive().isLessThanOrEqualTo(rows.pageSize());
            assertThat(rows.pageSize()).isLessThan(rows.size());
            assertThat(rows.rowLoaded()).as("the oldest row before scrolling").isFalse();
        }

        browser.js("document.getElementById('history').scrollToIndex(120);");
        browser.waitUntil(driver -> loan.gridRows("history", 120).rowLoaded());
        String oldest = browser.waitUntil(driver -> {
            String text = loan.gridRowsText("history");
            return text.contains("Disbursement") ? text : null;
        });
        assertThat(oldest).contains("Disbursement");
    }

    @Test
    void jane_opening_alexs_loan_by_url_gets_not_found(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();

        browser.open(base() + "/accounts/PL-200988/summary");
        assertNotFound(browser);
        assertThat(browser.bodyText()).doesNotContain("PL-200988").doesNotContain("past due");
        browser.screenshot("1-other-customers-loan");

        browser.open(base() + "/accounts/%3Cscript%3E/summary");
        assertNotFound(browser);
        browser.screenshot("2-nonsense-loan-number");
    }

    @Test
    void jane_typing_a_wrong_address_gets_the_portals_not_found_page(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();

        // These answered an empty 403 before, which Chromium shows as its own error screen.
        for (String path : List.of("/nonexistent", "/my-settings", "/accounts/AUTO-100482/nope")) {
            browser.open(base() + path);
            assertNotFound(browser);
            assertThat(browser.path()).isEqualTo(path);
        }
        browser.screenshot("1-unknown-address");

        browser.driver().findElement(By.linkText("Go to your home page")).click();
        new AccountsPage(browser, base()).waitUntilShown();
    }

    @Test
    void wrong_password_and_unknown_email_show_the_same_message(Browser browser) {
        LoginPage login = new LoginPage(browser, base()).open();
        login.attempt(JANE, "not-the-password");
        String wrongPassword = login.errorText();
        assertThat(browser.path()).isEqualTo("/login");
        browser.screenshot("1-wrong-password");

        login.open().attempt("nobody@example.com", PASSWORD);
        String unknownEmail = login.errorText();
        assertThat(browser.path()).isEqualTo("/login");

        assertThat(wrongPassword).contains("Incorrect email or password");
        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void staff_login_lands_on_the_staff_home_and_a_customer_cannot_reach_it(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(STAFF, PASSWORD);
        StaffHomePage staff = new StaffHomePage(browser).waitUntilShown();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/staff");
        staff.waitForCustomer(JANE);
        assertThat(staff.gridTexts()).contains("Jane Borrower", JANE);
        browser.screenshot("1-staff-home");
        staff.logout();

        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();
        browser.open(base() + "/staff");
        assertNotFound(browser);
        assertThat(browser.driver().findElements(By.id("customers"))).isEmpty();
        assertThat(browser.bodyText()).doesNotContain("alex.latepay@example.com");
        browser.screenshot("2-customer-on-staff-url");
    }

    @Test
    void staff_previews_jane_read_only_and_exit_returns_to_staff_home(Browser browser) {
        long janeId = SystemTask.call(() -> customerService.idOf(JANE).orElseThrow());

        new LoginPage(browser, base()).open().loginAs(STAFF, PASSWORD);
        StaffHomePage staff = new StaffHomePage(browser).waitUntilShown();
        // The first page lists customers by last name, and other tests add many: find Alex first, then Jane.
        staff.search("latepay").waitForCustomer("alex.latepay@example.com");
        staff.search("jane").waitUntilGone("alex.latepay@example.com");
        staff.waitForCustomer(JANE); // the grid empties before it draws the results
        assertThat(staff.gridTexts()).contains(JANE).doesNotContain("alex.latepay@example.com");
        staff.viewAsCustomer(janeId);

        AccountsPage accounts = new AccountsPage(browser, base()).waitUntilShown();
        CustomerFrame frame = new CustomerFrame(browser);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/accounts");
        assertThat(frame.previewBanner()).contains("Previewing as Jane Borrower, read-only");
        assertThat(frame.hasLogout()).as("no log-out button during a preview").isFalse();
        assertThat(accounts.loanNumbers()).containsExactlyInAnyOrder("AUTO-100482", "PL-200731");
        browser.screenshot("1-preview-accounts");

        accounts.openAccount("AUTO-100482");
        assertThat(frame.previewBanner()).contains("read-only");
        browser.screenshot("2-preview-summary");

        accounts.open();
        accounts.showAs("List");
        assertThat(frame.waitForNotification("read-only preview"))
                .isEqualTo("This is a read-only preview: changes are not allowed.");
        browser.screenshot("3-preview-refused-change");
        assertThat(accounts.cards()).hasSize(2);

        // The notification covers the Exit preview button until it closes (6 s).
        frame.waitUntilNotificationsClosed();

        frame.exitPreview();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/staff");
        new StaffHomePage(browser).waitUntilShown();
        browser.screenshot("4-back-on-staff-home");

        SignIn.as(userDetailsService, "admin@example.com");
        List<AuditEntry> entries = audit.search(AuditQuery.forCustomer(janeId)).stream()
                .filter(e -> STAFF.equals(e.actor()) && JANE.equals(e.customer()))
                .toList();
        assertThat(entries).extracting(AuditEntry::action)
                .contains(AuditAction.PREVIEW_STARTED, AuditAction.PREVIEW_PAGE_VIEWED, AuditAction.PREVIEW_ENDED);
        // Each page opened is audited once: a page loaded in full (the first /accounts, and /accounts again)
        // runs the router once, although the first request already renders the view (decision 006).
        long started = entries.stream().filter(e -> e.action() == AuditAction.PREVIEW_STARTED)
                .mapToLong(AuditEntry::id).max().orElseThrow();
        assertThat(entries).filteredOn(e -> e.action() == AuditAction.PREVIEW_PAGE_VIEWED && e.id() > started)
                .extracting(AuditEntry::detail)
                .containsExactlyInAnyOrder("/accounts", "/accounts/AUTO-100482/summary", "/accounts");
    }

    private static void assertNotFound(Browser browser) {
        browser.visible(By.tagName("h1"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("We couldn't find that page");
        assertThat(browser.driver().findElements(By.id("summary-fields"))).isEmpty();
    }
}
