package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** /staff/settings: the customer website settings editor, as an admin uses it. */
public class SettingsPage {

    private final Browser browser;
    private final String base;

    public SettingsPage(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    public SettingsPage open() {
        browser.open(base + "/staff/settings");
        browser.visible(By.id("settings-group-branding"));
        return this;
    }

    /** Ticks or unticks a checkbox setting, e.g. {@code setting-profiles-section}. */
    public SettingsPage check(String id, boolean on) {
        WebElement box = browser.present(By.id(id));
        if (box.getAttribute("checked") != null != on) {
            browser.js("arguments[0].scrollIntoView({block: 'center'});", box);
            browser.click(By.id(id));
        }
        browser.waitUntil(d -> (d.findElement(By.id(id)).getAttribute("checked") != null) == on);
        return this;
    }

    public boolean checked(String id) {
        return browser.present(By.id(id)).getAttribute("checked") != null;
    }

    /** The Summary fields shown, in order, as the editor lists them. */
    @SuppressWarnings("unchecked")
    public List<String> summaryOrder() {
        return (List<String>) browser.js("""
                return Array.from(document.querySelectorAll('#summary-shown > li'))
                    .map(li => li.id.replace('summary-row-', ''));""");
    }

    /** Clicks a Summary row's button: {@code action} is up, down or remove; {@code field} the slug, e.g. interest-rate. */
    public SettingsPage summary(String action, String field) {
        By button = By.id("summary-" + action + "-" + field);
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.present(button));
        browser.click(button);
        return this;
    }

    /** Adds a hidden field back to the Summary, at the end. */
    public SettingsPage addSummaryField(String label) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.present(By.id("summary-hidden")));
        browser.click(By.id("summary-hidden"));
        WebElement item = browser.waitUntil(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().trim().equals(label)).findFirst().orElse(null));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", item);
        item.click();
        browser.settle();
        browser.click(By.id("summary-add"));
        return this;
    }

    /** Save: waits for the confirmation and returns the listed changes' texts. */
    @SuppressWarnings("unchecked")
    public List<String> saveAndReadChanges() {
        browser.click(By.id("settings-save"));
        browser.visible(By.id("settings-confirm"));
        return (List<String>) browser.js("""
                return Array.from(document.querySelectorAll('#changes > li')).map(li => li.textContent.trim());""");
    }

    public void confirm() {
        browser.click(By.id("settings-confirm"));
        browser.waitUntil(d -> d.findElement(By.id("settings-result")).getText().startsWith("Saved"));
    }
}
