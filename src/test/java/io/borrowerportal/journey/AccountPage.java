package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;

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

    public Path downloadHistoryCsv() {
        browser.click(By.id("download-history-csv"));
        return browser.downloaded(".csv");
    }
}
