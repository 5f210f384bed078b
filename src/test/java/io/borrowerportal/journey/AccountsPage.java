package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** /accounts: the customer's account cards and the cards/list choice. */
public class AccountsPage {

    private final Browser browser;
    private final String base;

    public AccountsPage(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    public AccountsPage open() {
        browser.open(base + "/accounts");
        return waitUntilShown();
    }

    public AccountsPage waitUntilShown() {
        browser.waitForPath("/accounts");
        browser.visible(By.id("accounts"));
        return this;
    }

    public List<WebElement> cards() {
        return browser.driver().findElements(By.cssSelector("#accounts a.account-card"));
    }

    /** The loan numbers as the cards show them ("Loan AUTO-100482"). */
    public List<String> loanNumbers() {
        return browser.driver().findElements(By.cssSelector("#accounts a.account-card .account-card-number")).stream()
                .map(e -> e.getDomProperty("textContent").replaceFirst("^Loan ", "").trim())
                .toList();
    }

    public AccountPage openAccount(String loanNumber) {
        browser.click(By.cssSelector("#accounts a.account-card[href='accounts/" + loanNumber + "']"));
        AccountPage account = new AccountPage(browser, base, loanNumber);
        account.waitForSummary();
        return account;
    }

    /** Picks "Cards" or "List" in the layout radio group; the choice is saved for the customer. */
    public void showAs(String label) {
        WebElement radio = browser.waitUntil(d -> d.findElements(By.cssSelector("#accounts-layout vaadin-radio-button")).stream()
                .filter(r -> r.getDomProperty("textContent").trim().equals(label))
                .findFirst().orElse(null));
        radio.click();
        browser.settle();
    }
}
