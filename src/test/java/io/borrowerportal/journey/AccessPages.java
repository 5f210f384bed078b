package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The access pages: choosing a password from an emailed link, and asking for a reset link. */
public class AccessPages {

    private final Browser browser;
    private final String base;

    public AccessPages(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    /** Opens a link from an email on this test server (the email names portal.public-url, the default address). */
    public void openEmailedLink(String link) {
        String path = link.replaceFirst("^https?://[^/]+", "");
        browser.open(base + path);
    }

    /** Types the password twice on an activation or reset page and saves; waits for the sign-in page. */
    public String choosePassword(String password) {
        browser.visible(By.cssSelector("#new-password input"));
        type("new-password", password);
        type("confirm-password", password);
        browser.click(By.id("choose-password-save"));
        browser.waitForPath("/login");
        return browser.visible(By.id("login-notice")).getText();
    }

    /** From the sign-in page: "Forgot password?", then the email; returns the answer shown. */
    public String forgotPassword(String email) {
        new LoginPage(browser, base).forgotPassword();
        type("forgot-email", email);
        browser.click(By.id("forgot-send"));
        return browser.visible(By.id("forgot-answer")).getText();
    }

    /** "First time here?": asks for an activation link with a loan number and the email on file; returns the answer. */
    public String requestActivation(String loanNumber, String email) {
        browser.open(base + "/activate");
        type("activate-loan-number", loanNumber);
        type("activate-email", email);
        browser.click(By.id("activate-send"));
        return browser.visible(By.id("activate-answer")).getText();
    }

    public String title() {
        return browser.visible(By.id("access-title")).getText();
    }

    private void type(String id, String text) {
        WebElement input = browser.visible(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(text);
    }
}
