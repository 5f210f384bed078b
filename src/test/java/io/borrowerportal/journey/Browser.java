package io.borrowerportal.journey;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** One test's Chromium with the waits every page object needs. */
public record Browser(ChromeDriver driver, Path downloads, Path profile, Path screenshots, String testName) {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /**
     * True once Flow's client has no request in flight. The TypeScript entry some versions register
     * has no isActive, so it is skipped. A page without Vaadin's client (the sign-in page, decision 043) is idle
     * once loaded.
     */
    private static final String VAADIN_IDLE = """
            if (![...document.scripts].some(s => s.src.includes('/VAADIN/'))) return true;
            return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
                && Object.values(window.Vaadin.Flow.clients)
                     .every(c => typeof c.isActive !== 'function' || !c.isActive());""";

    public void open(String url) {
        driver.get(url);
        settle();
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT).until(condition);
    }

    /** Waits until the page has loaded and Vaadin has answered every pending request. */
    public void settle() {
        waitUntil(d -> "complete".equals(js("return document.readyState")));
        waitUntil(d -> Boolean.TRUE.equals(js(VAADIN_IDLE)));
    }

    public WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement present(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by));
    }

    public void click(By by) {
        waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
        settle();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public void waitForPath(String path) {
        waitUntil(d -> path().equals(path));
        settle();
    }

    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The first completed file whose name ends with the suffix, waiting for Chromium to finish writing it. */
    public Path downloaded(String suffix) {
        return waitUntil(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst();
                return done.filter(p -> p.toFile().length() > 0).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A PNG for people reading a run; nothing asserts on it. */
    public void screenshot(String step) {
        try {
            Files.createDirectories(screenshots);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(testName + "-" + step + ".png"), png);
        } catch (IOException | RuntimeException e) {
            System.err.println("[journey] screenshot " + step + " not taken: " + e);
        }
    }
}
