package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.Map;

/** An account's Documents tab and its "Upload New Document" dialog, as a customer uses them. */
public class DocumentsPage {

    private final Browser browser;
    private final String base;
    private final String loanNumber;

    public DocumentsPage(Browser browser, String base, String loanNumber) {
        this.browser = browser;
        this.base = base;
        this.loanNumber = loanNumber;
    }

    public DocumentsPage open() {
        browser.open(base + "/accounts/" + loanNumber + "/documents");
        browser.visible(By.id("documents-list"));
        return this;
    }

    /** Uploads a file through the dialog, category first, and waits for the dialog to close. */
    public DocumentsPage upload(String category, String name, Path file) {
        browser.click(By.id("documents-upload"));
        browser.visible(By.id("upload-dialog"));
        browser.click(By.id("upload-category"));
        WebElement item = browser.waitUntil(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().trim().equals(category)).findFirst().orElse(null));
        item.click();
        browser.settle();
        WebElement nameInput = browser.waitUntil(d -> {
            WebElement input = d.findElement(By.cssSelector("#upload-name input"));
            return input.isEnabled() ? input : null;
        });
        nameInput.sendKeys(name);
        browser.settle();
        WebElement upload = browser.present(By.id("upload-file"));
        WebElement input = browser.waitUntil(d -> upload.findElements(By.cssSelector("input[type=file]")).stream()
                .findFirst().orElseGet(() -> upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"))
                        .stream().findFirst().orElse(null)));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.waitUntil(d -> d.findElement(By.id("upload-submit")).isEnabled());
        browser.click(By.id("upload-submit"));
        browser.waitUntil(d -> d.findElements(By.id("upload-dialog")).isEmpty());
        browser.settle();
        return this;
    }

    /** Whether the document's thumbnail has loaded as a picture (its own request, after the page). */
    public boolean thumbnailLoaded(String reference) {
        return browser.waitUntil(d -> Boolean.TRUE.equals(browser.js(
                "const img = document.getElementById(arguments[0]);"
                        + "return !!img && img.complete && img.naturalWidth > 0;", "document-thumbnail-" + reference)));
    }

    public void download(String reference) {
        browser.click(By.id("document-download-" + reference));
    }

    /**
     * Fetches what the document's View link serves, in the signed-in page (its cookies): status, the headers
     * that matter and the first bytes as text.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetchView(String reference) {
        String href = browser.visible(By.id("document-view-" + reference)).getAttribute("href");
        return (Map<String, Object>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done({status: r.status, type: r.headers.get('content-type'),
                        disposition: r.headers.get('content-disposition'),
                        nosniff: r.headers.get('x-content-type-options'),
                        head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length});
                }).catch(e => done({error: String(e)}));""", href);
    }
}
