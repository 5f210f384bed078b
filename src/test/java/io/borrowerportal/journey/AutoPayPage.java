package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The AutoPay tab and the four-step "Schedule AutoPay" wizard, as a customer drives them. */
public class AutoPayPage {

    private final Browser browser;
    private final String base;
    private final String loanNumber;

    public AutoPayPage(Browser browser, String base, String loanNumber) {
        this.browser = browser;
        this.base = base;
        this.loanNumber = loanNumber;
    }

    /** Opens the AutoPay tab from the account's Summary, as a customer would. */
    public AutoPayPage openTab() {
        browser.open(base + "/accounts/" + loanNumber + "/summary");
        browser.click(By.id("tab-autopay"));
        browser.waitForPath("/accounts/" + loanNumber + "/autopay");
        return this;
    }

    /** "Schedule AutoPay" → step 1. */
    public AutoPayPage startWizard() {
        browser.click(By.id("schedule-autopay"));
        browser.waitForPath("/accounts/" + loanNumber + "/autopay/new");
        browser.visible(By.id("autopay-method"));
        return this;
    }

    /** Step 1: the saved method whose label contains the text ("•••• 6789"), then Next. */
    public AutoPayPage payWith(String labelPart) {
        option("#autopay-method", labelPart).click();
        browser.settle();
        browser.click(By.id("method-next"));
        browser.visible(By.id("autopay-frequency"));
        return this;
    }

    /** Step 2: frequency and amount by their labels ("Monthly", "Scheduled payment amount"), then Next. */
    public AutoPayPage howOftenAndHowMuch(String frequency, String amount) {
        option("#autopay-frequency", frequency).click();
        browser.settle();
        option("#autopay-amount-type", amount).click();
        browser.settle();
        browser.click(By.id("amount-next"));
        browser.visible(By.id("autopay-start-date"));
        return this;
    }

    /** Step 3, keeping the first date the wizard proposes: returns it as shown. */
    public String keepProposedStartDate() {
        String shown = browser.visible(By.cssSelector("#autopay-start-date input")).getAttribute("value");
        browser.click(By.id("dates-next"));
        browser.visible(By.id("autopay-authorization-text"));
        return shown;
    }

    public String review() {
        return browser.visible(By.id("autopay-review")).getText();
    }

    /** Step 4: accept the authorization and Finish; back on the AutoPay tab. */
    public AutoPayPage acceptAndFinish() {
        browser.click(By.cssSelector("#autopay-accept > label"));
        browser.waitUntil(d -> Boolean.TRUE.equals(browser.js("return document.getElementById('autopay-accept').checked")));
        browser.click(By.id("autopay-finish"));
        browser.waitForPath("/accounts/" + loanNumber + "/autopay");
        browser.visible(By.id("autopay-list"));
        return this;
    }

    /** The text of the AutoPay's card on the tab ("AP-…" reference), waiting for it to show. */
    public String card(String referencePart) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector(".autopay-card")).stream()
                .map(WebElement::getText).filter(t -> t.contains(referencePart)).findFirst().orElse(null));
    }

    private WebElement option(String group, String labelPart) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector(group + " vaadin-radio-button")).stream()
                .filter(e -> e.getText().contains(labelPart)).findFirst().orElse(null));
    }
}
