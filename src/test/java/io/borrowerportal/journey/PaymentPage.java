package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The "Make a Payment" wizard, its profile dialogs and the receipt, as a customer drives them. */
public class PaymentPage {

    private final Browser browser;
    private final String base;
    private final String loanNumber;

    public PaymentPage(Browser browser, String base, String loanNumber) {
        this.browser = browser;
        this.base = base;
        this.loanNumber = loanNumber;
    }

    /** Opens the wizard from the account's "Make a Payment" button, as a customer would. */
    public PaymentPage openFromSummary() {
        browser.open(base + "/accounts/" + loanNumber + "/summary");
        browser.click(By.id("make-payment"));
        browser.waitForPath("/accounts/" + loanNumber + "/pay");
        browser.visible(By.id("pay-type"));
        return this;
    }

    /**
     * Opens the wizard from the Payments tab's "Credit/Debit Card Payment" ({@code pay-by-card}) or "Bank Account
     * Payment" ({@code pay-by-bank}), as the seed's customers start a payment.
     */
    public PaymentPage openFromPaymentsTab(String entryId) {
        browser.open(base + "/accounts/" + loanNumber + "/payments");
        browser.click(By.id(entryId));
        browser.waitForPath("/accounts/" + loanNumber + "/pay");
        browser.visible(By.id("pay-type"));
        return this;
    }

    /** The labels of the methods the method step offers. */
    public java.util.List<String> methodLabels() {
        return browser.driver().findElements(By.cssSelector("#pay-method vaadin-radio-button")).stream()
                .map(WebElement::getText).toList();
    }

    public PaymentPage customAmount(String amount) {
        browser.click(By.id("pay-type-custom"));
        type(By.cssSelector("#pay-amount input"), amount);
        browser.click(By.id("pay-next"));
        browser.visible(By.id("pay-method"));
        return this;
    }

    /** Chooses "Amount due" and goes on to the method step; returns the choice's label ("Amount due $524.71 (due ...)"). */
    public String amountDue() {
        WebElement choice = browser.visible(By.id("pay-type-amount-due"));
        choice.click();
        browser.settle();
        String label = choice.getText().trim();
        browser.click(By.id("pay-next"));
        browser.visible(By.id("pay-method"));
        return label;
    }

    /** Picks the saved method whose label contains the text ("•••• 4242"). */
    public PaymentPage method(String labelPart) {
        WebElement option = browser.waitUntil(d -> d.findElements(By.cssSelector("#pay-method vaadin-radio-button")).stream()
                .filter(e -> e.getText().contains(labelPart)).findFirst().orElse(null));
        option.click();
        browser.settle();
        return this;
    }

    public PaymentPage review() {
        browser.click(By.id("method-next"));
        browser.visible(By.id("review-total"));
        return this;
    }

    public String reviewTotal() {
        return browser.visible(By.id("review-total")).getText();
    }

    /** Confirms; returns the confirmation number shown on the receipt. */
    public String confirmAndWaitForReceipt() {
        browser.click(By.id("pay-confirm"));
        browser.waitUntil(d -> browser.path().startsWith("/accounts/" + loanNumber + "/payments/PAY-"));
        browser.settle();
        return browser.visible(By.id("confirmation-number")).getText().trim();
    }

    /** Confirms a payment expected to be refused; returns the message shown on the review step. */
    public String confirmExpectingError() {
        browser.click(By.id("pay-confirm"));
        return browser.waitUntil(d -> {
            WebElement error = d.findElement(By.id("payment-error"));
            return error.isDisplayed() && !error.getText().isBlank() ? error.getText() : null;
        });
    }

    public String receiptStatus() {
        return browser.visible(By.id("receipt-status")).getText();
    }

    public PaymentPage addCard(String name, String number, String cvv, String zip) {
        browser.click(By.id("new-card"));
        browser.visible(By.id("card-dialog"));
        type(By.cssSelector("#card-name input"), name);
        type(By.cssSelector("#card-number input"), number);
        choose("card-exp-month", "12 – December");
        choose("card-exp-year", String.valueOf(java.time.Year.now().getValue() + 2));
        type(By.cssSelector("#card-cvv input"), cvv);
        type(By.cssSelector("#card-zip input"), zip);
        browser.click(By.id("card-save"));
        browser.waitUntil(d -> d.findElements(By.id("card-dialog")).isEmpty());
        return this;
    }

    /** Fills the bank dialog and saves; the dialog stays open when a field is refused. */
    public PaymentPage fillBank(String name, String routing, String account) {
        if (browser.driver().findElements(By.id("bank-dialog")).isEmpty()) {
            browser.click(By.id("new-bank"));
            browser.visible(By.id("bank-dialog"));
        }
        type(By.cssSelector("#bank-name input"), name);
        type(By.cssSelector("#bank-routing input"), routing);
        type(By.cssSelector("#bank-account input"), account);
        type(By.cssSelector("#bank-account-confirm input"), account);
        WebElement checking = browser.waitUntil(d -> d.findElements(By.cssSelector("#bank-type vaadin-radio-button")).stream()
                .filter(e -> e.getText().contains("Checking")).findFirst().orElse(null));
        checking.click();
        browser.settle();
        browser.click(By.id("bank-save"));
        return this;
    }

    public String fieldError(String fieldId) {
        return browser.waitUntil(d -> {
            Object message = browser.js("const f = document.getElementById(arguments[0]);"
                    + "return f && f.invalid ? f.errorMessage : null;", fieldId);
            return message == null || message.toString().isBlank() ? null : message.toString();
        });
    }

    public boolean bankDialogClosed() {
        return browser.waitUntil(d -> d.findElements(By.id("bank-dialog")).isEmpty());
    }

    private void type(By field, String text) {
        WebElement input = browser.visible(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        browser.settle();
    }

    private void choose(String selectId, String itemText) {
        browser.click(By.id(selectId));
        WebElement item = browser.waitUntil(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().trim().equals(itemText)).findFirst().orElse(null));
        // The list scrolls inside its overlay; a shorter dialog opens it lower, with the last months out of sight.
        browser.js("arguments[0].scrollIntoView({block: 'center'});", item);
        item.click();
        browser.settle();
    }
}
