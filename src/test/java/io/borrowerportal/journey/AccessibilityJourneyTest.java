package io.borrowerportal.journey;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.1 AA in a real Chromium: axe-core scans the pages customers and staff live by and the build
 * fails on any "serious" or "critical" violation. Every violation, of any impact, is printed so a
 * failure (and the minor findings that do not fail it) can be read from the test output.
 */
@PortalJourneyTest
class AccessibilityJourneyTest {

    static final String PASSWORD = CustomerJourneyTest.PASSWORD;
    static final String JANE = CustomerJourneyTest.JANE;
    static final String ALEX = "alex.latepay@example.com";
    static final String STAFF = CustomerJourneyTest.STAFF;

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    /**
     * Violations inside Vaadin's own component internals that the application cannot influence, as
     * exact rule id to exact target selector. Empty: so far every finding has been the application's.
     */
    static final Map<String, Set<String>> VAADIN_INTERNALS = Map.of();

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    @AfterEach
    void signOutTestThread() {
        SignIn.out();
    }

    @Test
    void login_page_has_no_serious_violations(Browser browser) {
        LoginPage login = new LoginPage(browser, base()).open();
        assertAccessible(browser, "login");

        login.attempt(JANE, "not-the-password");
        assertAccessible(browser, "login-error");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(base() + "/login?password-reset");
        browser.visible(By.id("login-notice"));
        assertAccessible(browser, "phone-login-notice");
    }

    @Test
    void keyboard_focus_is_visible_on_the_sign_in_form(Browser browser) {
        new LoginPage(browser, base()).open();
        // The email field has the focus on arrival; the keyboard goes on from there.
        WebElement password = tabUntil(browser, "input[name=password]");
        assertFocusVisible(browser, password, "password field");
        WebElement submit = tabUntil(browser, "#login-submit");
        assertFocusVisible(browser, submit, "sign-in button");
        WebElement forgot = tabUntil(browser, "#login-forgot-password");
        assertFocusVisible(browser, forgot, "forgot password link");
    }

    @Test
    void janes_accounts_summary_and_transactions_have_no_serious_violations(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        AccountsPage accounts = new AccountsPage(browser, base()).waitUntilShown();
        assertAccessible(browser, "accounts");

        AccountPage auto = new AccountPage(browser, base(), "AUTO-100482").openSummary();
        assertAccessible(browser, "summary");

        auto.openTransactionsTab().showForecast();
        assertAccessible(browser, "transactions");

        accounts.open();
        accounts.showAs("List");
        assertAccessible(browser, "accounts-as-list");
        accounts.showAs("Cards");
    }

    @Test
    void alexs_past_due_summary_has_no_serious_violations(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(ALEX, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();
        new AccountPage(browser, base(), "PL-200988").openSummary();
        browser.visible(By.id("past-due-alert"));
        assertAccessible(browser, "past-due-summary");
    }

    @Test
    void staff_home_has_no_serious_violations(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(STAFF, PASSWORD);
        StaffHomePage staff = new StaffHomePage(browser).waitUntilShown();
        staff.waitForCustomer(JANE);
        assertAccessible(browser, "staff-home");
    }

    @Test
    void not_found_page_has_no_serious_violations(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();
        browser.open(base() + "/accounts/PL-200988/summary");
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("We couldn't find that page");
        assertAccessible(browser, "not-found");
    }

    @Test
    void accounts_and_transactions_on_a_phone_have_no_serious_violations(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();
        assertAccessible(browser, "phone-accounts");

        new AccountPage(browser, base(), "AUTO-100482").openSummary().openTransactionsTab().showForecast();
        assertAccessible(browser, "phone-transactions");

        // Sam's AutoPay on the shared loan, as Jane sees it.
        new AutoPayPage(browser, base(), "AUTO-100482").openTab();
        browser.visible(By.cssSelector(".autopay-card"));
        assertAccessible(browser, "phone-autopay");
    }

    @Test
    void keyboard_focus_is_visible_on_account_cards_and_tabs(Browser browser) {
        new LoginPage(browser, base()).open().loginAs(JANE, PASSWORD);
        new AccountsPage(browser, base()).waitUntilShown();
        WebElement card = tabUntil(browser, "a.account-card");
        assertFocusVisible(browser, card, "account card");

        new AccountPage(browser, base(), "AUTO-100482").openSummary();
        WebElement tab = tabUntil(browser, "a.account-tab");
        assertFocusVisible(browser, tab, "account tab");
    }

    /** Presses Tab, as a keyboard user would, until an element matching the selector has the focus. */
    private static WebElement tabUntil(Browser browser, String selector) {
        for (int i = 0; i < 30; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            Object focused = browser.js("const a = document.activeElement; return a && a.matches(arguments[0]) ? a : null;",
                    selector);
            if (focused instanceof WebElement element) {
                return element;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private static void assertFocusVisible(Browser browser, WebElement element, String what) {
        assertThat(browser.js("return arguments[0].matches(':focus-visible')", element)).as(what + " :focus-visible").isEqualTo(true);
        String style = String.valueOf(browser.js("return getComputedStyle(arguments[0]).outlineStyle", element));
        String width = String.valueOf(browser.js("return getComputedStyle(arguments[0]).outlineWidth", element));
        assertThat(style).as(what + " outline style").isNotEqualTo("none");
        assertThat(Double.parseDouble(width.replace("px", ""))).as(what + " outline width").isGreaterThanOrEqualTo(2);
        browser.screenshot("focus-" + what.replace(' ', '-'));
    }

    /** Also used by the journeys that walk through pages only they reach (the AutoPay wizard). */
    static void assertAccessible(Browser browser, String page) {
        browser.settle();
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver());
        assertThat(results.isErrored()).as("axe failed on " + page + ": " + results.getErrorMessage()).isFalse();

        List<String> report = results.getViolations().stream().map(AccessibilityJourneyTest::describe).toList();
        System.out.println("[a11y] " + page + " (" + browser.path() + "): " + report.size() + " violation(s), "
                + results.getPasses().size() + " rule(s) passed"
                + report.stream().map(r -> "\n  " + r).collect(Collectors.joining()));
        // Axe could not decide these (a contrast over a gradient, say): printed for a person to look at.
        results.getIncomplete().forEach(rule -> System.out.println("  needs review: " + describe(rule)));

        List<String> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .filter(rule -> !rule.getNodes().stream().allMatch(node -> isVaadinInternal(rule, node)))
                .map(AccessibilityJourneyTest::describe)
                .toList();
        browser.screenshot("a11y-" + page);
        assertThat(blocking).as("serious or critical WCAG 2.1 AA violations on " + page).isEmpty();
    }

    private static boolean isVaadinInternal(Rule rule, CheckedNode node) {
        return VAADIN_INTERNALS.getOrDefault(rule.getId(), Set.of()).contains(String.valueOf(node.getTarget()));
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream().limit(5)
                .map(node -> String.valueOf(node.getTarget()) + (isVaadinInternal(rule, node) ? " (Vaadin internal)" : ""))
                .collect(Collectors.joining(" | "));
        return rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " (" + rule.getNodes().size()
                + " node(s)): " + targets;
    }
}
