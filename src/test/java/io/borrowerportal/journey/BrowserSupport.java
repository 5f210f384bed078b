package io.borrowerportal.journey;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Gives each journey test a fresh headless Chromium ({@link Browser} as a test method parameter) and
 * quits it afterwards; a test whose pages made Chromium report a Content-Security-Policy violation fails.
 * System property {@code portal.browser} decides what happens without Chromium:
 * {@code auto} (default) skips, {@code required} (CI) fails, {@code off} always skips.
 *
 * <p>The driver and browser paths are given explicitly, so Selenium Manager is never asked to look
 * for (and download) a driver: these machines are offline apart from the package registries.
 */
public class BrowserSupport implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "journey-screenshots");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSupport.class);

    enum Decision { RUN, SKIP, FAIL }

    /** The whole policy in one place, so it is tested without a browser (see BrowserSupportTest). */
    static Decision decide(String mode, boolean chromiumInstalled, boolean driverInstalled) {
        String m = mode == null || mode.isBlank() ? "auto" : mode.trim().toLowerCase(java.util.Locale.ROOT);
        boolean installed = chromiumInstalled && driverInstalled;
        return switch (m) {
            case "off" -> Decision.SKIP;
            case "required" -> installed ? Decision.RUN : Decision.FAIL;
            case "auto" -> installed ? Decision.RUN : Decision.SKIP;
            default -> throw new IllegalArgumentException("portal.browser must be auto, required or off, not '" + mode + "'");
        };
    }

    static String missing() {
        return "Chromium or chromedriver is missing (" + CHROMIUM + " exists: " + Files.isExecutable(CHROMIUM) + ", "
                + CHROMEDRIVER + " exists: " + Files.isExecutable(CHROMEDRIVER)
                + "); install them with: apt-get install -y chromium chromium-driver";
    }

    // Decided before Spring starts the server, so a skipped class costs nothing.
    @Override
    public void beforeAll(ExtensionContext context) {
        String mode = System.getProperty("portal.browser", "auto");
        switch (decide(mode, Files.isExecutable(CHROMIUM), Files.isExecutable(CHROMEDRIVER))) {
            case RUN -> { }
            case SKIP -> Assumptions.abort("off".equalsIgnoreCase(mode.trim())
                    ? "Browser journeys are switched off (-Dportal.browser=off)"
                    : "Browser journeys skipped: " + missing() + ". Use -Dportal.browser=required to make this a failure.");
            case FAIL -> Assertions.fail("-Dportal.browser=required but " + missing());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        context.getStore(NAMESPACE).put(Browser.class, launch(name));
    }

    /**
     * A fresh headless Chromium with its own profile, so its own cookies and session. Tests that need a second
     * person signed in at once (an admin and a customer) start one more with this and {@link #quit} it themselves.
     */
    public static Browser launch(String name) throws IOException {
        Path profile = Files.createTempDirectory("journey-chromium-profile");
        Path downloads = Files.createTempDirectory("journey-downloads");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        // The console is read after each test for Content-Security-Policy violations.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        return new Browser(driver, downloads, profile, SCREENSHOTS, name);
    }

    /** Quits a browser from {@link #launch} and removes its profile and downloads. */
    public static void quit(Browser browser) {
        try {
            browser.driver().quit();
        } finally {
            deleteQuietly(browser.downloads());
            deleteQuietly(browser.profile());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        List<String> violations = List.of();
        try {
            if (context.getExecutionException().isPresent()) {
                browser.screenshot("failure");
            } else {
                violations = cspViolations(browser);
            }
        } finally {
            browser.driver().quit();
            deleteQuietly(browser.downloads());
            deleteQuietly(browser.profile());
        }
        if (!violations.isEmpty()) {
            Assertions.fail("Chromium reported " + violations.size() + " Content-Security-Policy violation(s); the policy "
                    + "must allow what the portal does (decision 019):\n" + String.join("\n", violations));
        }
    }

    /** Every console message of the test's pages in which Chromium refused something under the policy. */
    static List<String> cspViolations(Browser browser) {
        return browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .distinct()
                .toList();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless.
        }
    }
}
