package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The sign-in page: a plain HTML form posting to /login, written on the server (decision 043). */
public class LoginPage {

    private static final By USERNAME = By.cssSelector("form.login-form input[name=username]");
    private static final By PASSWORD = By.cssSelector("form.login-form input[name=password]");

    private final Browser browser;
    private final String base;

    public LoginPage(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    public LoginPage open() {
        browser.open(base + "/login");
        browser.visible(USERNAME);
        return this;
    }

    /**
     * Signs in and waits until the browser has left the login page. Demo staff then owe the code of their
     * authenticator app, which this types from the published demo secret (decision 018).
     */
    public void loginAs(String email, String password) {
        submit(email, password);
        browser.waitUntil(d -> !browser.path().equals("/login"));
        browser.settle();
        if (DemoAuthenticator.has(email)) {
            enterSecondFactor(DemoAuthenticator.nextCode(email));
        }
    }

    /** Only the password: the browser is left on the second-factor page. */
    public void passwordOnly(String email, String password) {
        submit(email, password);
        browser.waitForPath("/second-factor");
        browser.visible(By.cssSelector("#second-factor-code input"));
    }

    /** Types a code into the second-factor page and waits until the browser has left it. */
    public void enterSecondFactor(String code) {
        browser.waitForPath("/second-factor");
        WebElement input = browser.visible(By.cssSelector("#second-factor-code input"));
        input.sendKeys(code);
        browser.click(By.id("verify-code"));
        browser.waitUntil(d -> !browser.path().equals("/second-factor"));
        browser.settle();
    }

    /** Submits credentials expected to be refused; waits for the form to come back with its error. */
    public void attempt(String email, String password) {
        submit(email, password);
        browser.waitUntil(d -> d.getCurrentUrl().contains("error") && !errorText().isEmpty());
    }

    /** The error the page shows after a refused sign-in (an alert), or "" when there is none. */
    public String errorText() {
        return browser.driver().findElements(By.cssSelector("#login-error[role=alert]")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").trim()).findFirst().orElse("");
    }

    public boolean isShown() {
        return browser.path().equals("/login") && !browser.driver().findElements(USERNAME).isEmpty();
    }

    /** "Forgot password?" under the form; waits for the page it opens. */
    public void forgotPassword() {
        browser.click(By.id("login-forgot-password"));
        browser.waitForPath("/forgot-password");
    }

    private void submit(String email, String password) {
        WebElement username = browser.visible(USERNAME);
        username.clear();
        username.sendKeys(email);
        WebElement passwordField = browser.visible(PASSWORD);
        passwordField.clear();
        passwordField.sendKeys(password, Keys.ENTER);
    }
}
