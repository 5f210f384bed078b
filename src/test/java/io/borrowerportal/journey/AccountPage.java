package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

/** One account's pages: the Summary and Transactions tabs. */
public class AccountPage {

    private final Browser browser;
    private final String base;
    private final String loanNumber;

    public AccountPage(Browser browser, String base, String loanNumber) {
        this.browser = browser;
        this.base = base;
        this.loanNumber = loanNumber;
    }

    public AccountPage openSummary() {
        browser.open(base + "/accounts/" + loanNumber + "/summary");
        return waitForSummary();
    }

    public AccountPage waitForSummary() {
        browser.waitForPath("/accounts/" + loanNumber + "/summary");
        browser.visible(By.id("summary-fields"));
        return this;
    }

    public WebElement summaryFields() {
        return browser.visible(By.id("summary-fields"));
    }

    /** A Summary field's value as the page shows it, by the field's id ({@code field-amount-due}). */
    public String figure(String fieldId) {
        return browser.visible(By.cssSelector("#" + fieldId + " .figure-value")).getText().trim();
    }

    public AccountPage openTransactionsTab() {
        browser.click(By.id("tab-transactions"));
        browser.waitForPath("/accounts/" + loanNumber + "/transactions");
        browser.present(By.id("history"));
        return this;
    }

    /** The forecast's grid is built when asked for (decision 039). */
    public AccountPage showForecast() {
        browser.click(By.id("show-forecast"));
        browser.present(By.id("forecast"));
        return this;
    }

    public boolean hasGrid(String id) {
        return !browser.driver().findElements(By.cssSelector("vaadin-grid#" + id)).isEmpty();
    }

    /** The text of the rows a grid has drawn, once it drew any: its rows arrive from the server after the grid. */
    public String gridRowsText(String id) {
        return browser.waitUntil(driver -> {
            Object text = browser.js("return Array.from(document.querySelectorAll('vaadin-grid#' + arguments[0]"
                    + " + ' > vaadin-grid-cell-content')).map(c => c.textContent).join('|');", id);
            return text instanceof String s && s.contains("$") ? s : null;
        });
    }

    /**
     * What a grid holds in the browser: its row count, its page size, how many rows it has asked the server for and
     * whether a given row arrived. Read from the grid's data provider controller, an internal of vaadin-grid: should
     * a Vaadin version move it, this fails rather than passes.
     */
    public GridRows gridRows(String id, int row) {
        browser.settle();
        Object state = browser.js("const g = document.getElementById(arguments[0]);"
                + "const items = g._dataProviderController.rootCache.items;"
                + "return [g.size, g.pageSize, items.filter(i => i !== undefined).length, items[arguments[1]] !== undefined];",
                id, row);
        List<?> values = (List<?>) state;
        return new GridRows(((Number) values.get(0)).intValue(), ((Number) values.get(1)).intValue(),
                ((Number) values.get(2)).intValue(), (Boolean) values.get(3));
    }

    public record GridRows(int size, int pageSize, int loaded, boolean rowLoaded) {
    }

    public Path downloadHistoryCsv() {
        browser.click(By.id("download-history-csv"));
        return browser.downloaded(".csv");
    }
}
