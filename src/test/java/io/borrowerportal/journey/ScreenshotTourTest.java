package io.borrowerportal.journey;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalJourneyTest
class ScreenshotTourTest {

    @LocalServerPort
    int port;

    @Test
    void tour(Browser browser) {
        String base = "http://localhost:" + port;
        new LoginPage(browser, base).open().loginAs("jane.borrower@example.com", "demo-password-1");
        for (int width : new int[] {1280, 390}) {
            browser.driver().manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
            String w = String.valueOf(width);
            browser.open(base + "/accounts/AUTO-100482/summary");
            browser.screenshot(w + "-summary");
            browser.open(base + "/accounts/AUTO-100482/profiles");
            browser.screenshot(w + "-profiles");
            browser.open(base + "/accounts/PL-200731/payments");
            browser.screenshot(w + "-payments");
            PaymentPage pay = new PaymentPage(browser, base, "PL-200731").openFromSummary();
            browser.screenshot(w + "-pay-1");
            pay.customAmount("12.34");
            browser.screenshot(w + "-pay-2");
            browser.click(By.id("new-card"));
            browser.visible(By.id("card-dialog"));
            browser.screenshot(w + "-card-dialog");
            browser.click(By.id("card-cancel"));
            pay.method("•••• 4242").review();
            browser.screenshot(w + "-pay-3");
            pay.confirmAndWaitForReceipt();
            browser.screenshot(w + "-receipt");
        }
    }
}
