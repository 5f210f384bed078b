package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The sign-in page: Vaadin's login form posting to /login. */
public class LoginPage {

    /**
     * The form's error text wherever this Vaadin version renders it: a light-DOM slot or a shadow part,
     * possibly in a nested shadow root, so the search walks every root under the form.
     */
    private static final String ERROR_TEXT = """
            const form = document.querySelector('vaadin-login-form');
            if (!form || !form.error) return '';
            const roots = [form];
            for (let i = 0; i < roots.length; i++) {
              const root = roots[i];
              if (root.shadowRoot) roots.push(root.shadowRoot);
              root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) roots.push(e.shadowRoot); });
            }
            for (const root of roots) {
              const el = root.querySelector('[part~="error-message"], [slot="error-message"]');
              if (el && el.textContent.trim()) return el.textContent.replace(/\\s+/g, ' ').trim();
            }
            return '';""";

    private final Browser browser;
    private final String base;

    public LoginPage(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    public LoginPage open() {
        browser.open(base + "/login");
        browser.visible(By.cssSelector("vaadin-login-form input[name=username]"));
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

    public String errorText() {
        return String.valueOf(browser.js(ERROR_TEXT));
    }

    public boolean isShown() {
        return browser.path().equals("/login")
                && !browser.driver().findElements(By.cssSelector("vaadin-login-form")).isEmpty();
    }

    private void submit(String email, String password) {
        WebElement username = browser.visible(By.cssSelector("vaadin-login-form input[name=username]"));
        username.clear();
        username.sendKeys(email);
        WebElement passwordField = browser.visible(By.cssSelector("vaadin-login-form input[name=password]"));
        passwordField.clear();
        passwordField.sendKeys(password, Keys.ENTER);
    }
}
