package io.borrowerportal.journey;

import io.borrowerportal.SignIn;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jane keeps her papers in a real Chromium: she sees that her car's insurance is ending, sends the renewed
 * policy, uploads a PDF and gets the same bytes back, and opens a statement; staff verify the policy and
 * her Summary no longer warns.
 */
@PortalJourneyTest
class KeepJourneyTest {

    static final String JANE = "jane.borrower@example.com";
    static final String STAFF = "staff@example.com";
    static final String LOAN = "AUTO-100482";
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US);

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    DocumentService documents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOutTestThread() {
        SignIn.out();
    }

    @Test
    void jane_renews_her_policy_keeps_a_document_and_staff_verify_it(Browser browser) throws Exception {
        String base = "http://localhost:" + port;
        new LoginPage(browser, base).open().loginAs(JANE, CustomerJourneyTest.PASSWORD);

        // The demo policy ends within 30 days: the Summary says so.
        browser.open(base + "/accounts/" + LOAN + "/summary");
        assertThat(browser.visible(By.id("insurance-alert-expiring")).getText()).containsIgnoringCase("insurance");
        browser.screenshot("1-summary-alert");

        // The renewed policy, for a year from today, sent from the Insurance tab.
        browser.click(By.id("tab-insurance"));
        browser.visible(By.id("insurance-form"));
        LocalDate today = LocalDate.now(clock);
        String policyNumber = "KM-RENEW-" + (System.nanoTime() % 100_000);
        type(browser, "insurance-policy-number", policyNumber);
        date(browser, "insurance-coverage-start", PICKER.format(today));
        date(browser, "insurance-coverage-end", PICKER.format(today.plusYears(1)));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.visible(By.id("insurance-save")));
        browser.click(By.id("insurance-save"));
        browser.waitUntil(d -> d.findElement(By.id("insurance-history")).getText().contains(policyNumber));
        browser.screenshot("2-insurance-submitted");
        long version = jdbc.queryForObject("""
                select v.id from insurance_policy_versions v join loan_accounts a on a.id = v.account_id
                where a.loan_number = ? and v.policy_number = ?""", Long.class, LOAN, policyNumber);
        assertThat(jdbc.queryForObject("select status from insurance_policy_versions where id = ?", String.class, version))
                .isEqualTo("SUBMITTED");

        // A PDF into the category open for uploads: its thumbnail draws, and it downloads byte for byte.
        Path pdf = Files.createTempFile("journey-upload-", ".pdf");
        byte[] content = io.borrowerportal.document.TestFiles.pdf("Pay stub for the journey");
        Files.write(pdf, content);
        DocumentsPage page = new DocumentsPage(browser, base, LOAN).open().upload("Customer Uploads", "Pay stub", pdf);
        String reference = jdbc.queryForObject("select reference from documents where sha256 = ?", String.class,
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(page.thumbnailLoaded(reference)).isTrue();
        browser.screenshot("3-documents");
        page.download(reference);
        assertThat(Files.readAllBytes(browser.downloaded(".pdf"))).isEqualTo(content);

        // A monthly statement opens in the browser as a PDF.
        SignIn.as(users, JANE);
        DocumentSummary statement = documents.documents(LOAN).stream()
                .filter(d -> d.categoryName().equals("Statements")).findFirst().orElseThrow();
        SignIn.out();
        page.open();
        browser.visible(By.id("document-" + statement.reference()));
        Map<String, Object> served = page.fetchView(statement.reference());
        assertThat(served.get("status")).isEqualTo(200L);
        assertThat(served.get("type")).isEqualTo("application/pdf");
        assertThat((String) served.get("disposition")).startsWith("inline");
        assertThat(served.get("nosniff")).isEqualTo("nosniff");
        assertThat(served.get("head")).isEqualTo("%PDF-");
        new CustomerFrame(browser).logout();

        // Staff verify the policy from the review queue.
        new LoginPage(browser, base).open().loginAs(STAFF, CustomerJourneyTest.PASSWORD);
        browser.open(base + "/staff/insurance");
        browser.visible(By.id("review-" + version));
        browser.screenshot("4-review-queue");
        browser.click(By.id("verify-" + version));
        browser.waitUntil(d -> d.findElements(By.id("review-" + version)).isEmpty());
        assertThat(jdbc.queryForObject("select status from insurance_policy_versions where id = ?", String.class, version))
                .isEqualTo("VERIFIED");
        browser.click(By.id("logout"));

        // Jane's Summary no longer warns that the coverage ends.
        new LoginPage(browser, base).open().loginAs(JANE, CustomerJourneyTest.PASSWORD);
        browser.open(base + "/accounts/" + LOAN + "/summary");
        browser.visible(By.id("summary-fields"));
        assertThat(browser.driver().findElements(By.id("insurance-alert-expiring"))).isEmpty();
        browser.screenshot("5-summary-after-review");
    }

    /** Types a date and commits it with Enter, which also closes the picker's overlay (it hides the page). */
    private static void date(Browser browser, String id, String text) {
        WebElement input = browser.visible(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.ENTER);
        browser.settle();
        browser.waitUntil(d -> d.findElements(By.cssSelector("vaadin-date-picker-overlay[opened]")).isEmpty());
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.visible(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.settle();
    }
}
