package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** /staff: the customer search and its "View as customer" buttons. */
public class StaffHomePage {

    /**
     * Texts of the cells on screen. The grid keeps the cell elements of rows it hides after a search
     * narrowed the results, with their old text, so only rendered cells count.
     */
    private static final String CELL_TEXTS = """
            const grid = document.getElementById('customers');
            return grid ? Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                .filter(c => c.checkVisibility())
                .map(c => c.textContent.trim()).filter(t => t.length > 0) : [];""";

    private final Browser browser;

    public StaffHomePage(Browser browser) {
        this.browser = browser;
    }

    public StaffHomePage waitUntilShown() {
        browser.waitForPath("/staff");
        browser.visible(By.id("customers"));
        return this;
    }

    @SuppressWarnings("unchecked")
    public List<String> gridTexts() {
        return (List<String>) browser.js(CELL_TEXTS);
    }

    public void waitForCustomer(String text) {
        browser.waitUntil(d -> gridTexts().contains(text));
    }

    /** Waits for the lazy search to drop a customer from the results. */
    public void waitUntilGone(String text) {
        browser.waitUntil(d -> !gridTexts().contains(text));
    }

    public StaffHomePage search(String text) {
        WebElement input = browser.visible(By.cssSelector("#customer-search input"));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Starts the read-only preview; the page reloads as the customer's website. */
    public void viewAsCustomer(long customerId) {
        browser.click(By.id("preview-" + customerId));
    }

    public void logout() {
        browser.click(By.id("logout"));
        browser.waitForPath("/login");
    }
}
