package io.borrowerportal.journey;

import org.openqa.selenium.By;

import java.util.List;

/** What every customer page has: the log-out button, or during a staff preview the banner and its exit. */
public class CustomerFrame {

    /** Text of the visible notification cards (Vaadin renders them in an overlay outside the page). */
    private static final String NOTIFICATIONS = """
            return Array.from(document.querySelectorAll('vaadin-notification-card'))
                .map(c => c.textContent.replace(/\\s+/g, ' ').trim()).filter(t => t.length > 0);""";

    private final Browser browser;

    public CustomerFrame(Browser browser) {
        this.browser = browser;
    }

    public void logout() {
        browser.click(By.id("logout"));
        browser.waitUntil(d -> browser.path().equals("/login"));
        browser.settle();
    }

    public String previewBanner() {
        return browser.visible(By.id("preview-banner")).getText();
    }

    public boolean hasLogout() {
        return !browser.driver().findElements(By.id("logout")).isEmpty();
    }

    public void exitPreview() {
        browser.click(By.id("exit-preview"));
        browser.waitForPath("/staff");
    }

    @SuppressWarnings("unchecked")
    public List<String> notifications() {
        return (List<String>) browser.js(NOTIFICATIONS);
    }

    /** Notifications open at the top centre, over the preview banner; a user waits for them to close. */
    public void waitUntilNotificationsClosed() {
        browser.waitUntil(d -> notifications().isEmpty());
    }

    public String waitForNotification(String containing) {
        return browser.waitUntil(d -> notifications().stream().filter(t -> t.contains(containing)).findFirst().orElse(null));
    }
}
