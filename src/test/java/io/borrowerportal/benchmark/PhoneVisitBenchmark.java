package io.borrowerportal.benchmark;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.journey.Browser;
import io.borrowerportal.journey.BrowserSupport;
import io.borrowerportal.security.SystemTask;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A first visit to the sign-in page on a phone, measured from outside the way Lighthouse's mobile profile does
 * ({@code ./mvnw -q -Pbenchmark test-compile exec:exec@phone-benchmark}): headless Chromium at 390 x 844, the CPU slowed
 * 4 times, 1.6 Mbps down, 750 kbps up and 150 ms round trips (Chrome DevTools' emulation), against the app in
 * production mode on a free port. Each cold visit starts with an empty cache; each warm one follows a visit. Prints
 * the largest contentful paint and the bytes transferred (the page and every resource, as the browser reports them).
 * Then, signed in as a borrower with a 30-year home loan, the loan's Summary with a warm cache: a page load of a Vaadin
 * page whose bundle the browser has already, as when a borrower comes back to the portal. Numbers, not a test.
 * {@code -Dportal.bench.phone.trace=FILE} records one more warm Summary visit as a Chromium performance trace.
 */
public final class PhoneVisitBenchmark {

    static final int VISITS = Integer.getInteger("portal.bench.phone.visits", 5);
    /** Lighthouse's mobile profile slows the CPU 4 times; 1 measures the network alone. */
    static final int CPU_SLOWDOWN = Integer.getInteger("portal.bench.phone.cpu", 4);
    static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    static final double COLD_GOAL_MS = 2_500;
    static final double SUMMARY_WARM_GOAL_MS = 1_000;
    private static final String EMAIL = "phone.borrower@example.com";
    private static final String PASSWORD = "phone-password-1";
    /** Records the largest contentful paint as the page finds it, from before the page's own scripts run. */
    private static final String RECORD_LCP = """
            window.__lcp = 0;
            new PerformanceObserver(list => { for (const e of list.getEntries()) { window.__lcp = e.startTime; } })
                .observe({type: 'largest-contentful-paint', buffered: true});""";
    private static final String TRANSFERRED = """
            const nav = performance.getEntriesByType('navigation')[0];
            return (nav ? nav.transferSize : 0)
                + performance.getEntriesByType('resource').reduce((sum, e) => sum + e.transferSize, 0);""";

    private PhoneVisitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Phone visit benchmark%njava.version=%s, processors=%d, database=%s, CPU %dx slower%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), database, CPU_SLOWDOWN);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY)) {
            String base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            String login = base + "/login";
            String summary = base + "/accounts/" + borrower(context) + "/summary";
            Browser browser = BrowserSupport.launch("phone-visit");
            try {
                ChromeDriver driver = browser.driver();
                driver.executeCdpCommand("Network.enable", Map.of());
                driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                        "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
                driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", CPU_SLOWDOWN));
                driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                        "deviceScaleFactor", 3, "mobile", true));
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_LCP));
                // The server's first answers compile its code: one visit each way before any is measured.
                visit(driver, login, true, SIGN_IN_READY);
                visit(driver, login, false, SIGN_IN_READY);
                List<double[]> cold = new ArrayList<>();
                List<double[]> warm = new ArrayList<>();
                for (int i = 0; i < VISITS; i++) {
                    cold.add(visit(driver, login, true, SIGN_IN_READY));
                    warm.add(visit(driver, login, false, SIGN_IN_READY));
                }
                signIn(driver, login);
                visit(driver, summary, false, SUMMARY_READY);
                List<double[]> summaryWarm = new ArrayList<>();
                for (int i = 0; i < VISITS; i++) {
                    summaryWarm.add(visit(driver, summary, false, SUMMARY_READY));
                }
                String trace = System.getProperty("portal.bench.phone.trace", "");
                if (!trace.isBlank()) {
                    trace(driver, summary, Path.of(trace));
                }
                System.out.printf(Locale.ROOT, "  %-40s %10s %10s %10s %14s%n", "/login, " + VISITS + " visits each",
                        "LCP p50", "LCP max", "KB p50", "");
                row("cold (empty cache)", cold, String.format(Locale.ROOT, "goal <= %.0f ms%s", COLD_GOAL_MS,
                        median(cold, 0) <= COLD_GOAL_MS ? " (met)" : " (NOT met)"));
                row("warm (after a visit)", warm, "");
                System.out.printf(Locale.ROOT, "  %-40s%n", "/accounts/<loan>/summary, signed in, " + VISITS + " visits");
                row("warm (the bundle cached)", summaryWarm, String.format(Locale.ROOT, "goal <= %.0f ms%s",
                        SUMMARY_WARM_GOAL_MS, median(summaryWarm, 0) <= SUMMARY_WARM_GOAL_MS ? " (met)" : " (NOT met)"));
            } finally {
                BrowserSupport.quit(browser);
            }
        }
    }

    /**
     * One more warm visit to the Summary with Chromium's performance trace on (the categories DevTools' Performance
     * panel records), written as a trace file that DevTools or Perfetto open.
     */
    private static void trace(ChromeDriver driver, String url, Path file) throws Exception {
        DevTools devTools = driver.getDevTools();
        devTools.createSessionIfThereIsNotOne();
        List<Object> events = new CopyOnWriteArrayList<>();
        CountDownLatch complete = new CountDownLatch(1);
        devTools.addListener(new Event<Map<String, Object>>("Tracing.dataCollected", input -> input.read(Json.MAP_TYPE)),
                data -> events.addAll((List<?>) data.get("value")));
        devTools.addListener(new Event<Map<String, Object>>("Tracing.tracingComplete", input -> input.read(Json.MAP_TYPE)),
                data -> complete.countDown());
        driver.get("about:blank");
        devTools.send(new Command<>("Tracing.start", Map.of("transferMode", "ReportEvents", "traceConfig", Map.of(
                "includedCategories", List.of("devtools.timeline", "disabled-by-default-devtools.timeline",
                        "disabled-by-default-devtools.timeline.frame", "v8.execute", "v8", "disabled-by-default-v8.compile",
                        "disabled-by-default-v8.cpu_profiler", "blink.user_timing", "loading", "latencyInfo",
                        "blink.console", "toplevel", "netlog")))));
        visit(driver, url, false, SUMMARY_READY);
        devTools.send(new Command<>("Tracing.end", Map.of()));
        if (!complete.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Chromium did not finish the trace within 60 s");
        }
        Files.writeString(file, new Json().toJson(Map.of("traceEvents", events)));
        System.out.printf(Locale.ROOT, "  trace of one more warm Summary visit: %s (%d events)%n", file, events.size());
    }

    /** A borrower of the benchmark's own, with a 30-year home loan a year in; the loan's number. */
    private static String borrower(ConfigurableApplicationContext context) {
        LoanServicing servicing = context.getBean(LoanServicing.class);
        CustomerService customers = context.getBean(CustomerService.class);
        return SystemTask.call(() -> {
            BenchmarkLoans.defineHomeProduct(servicing);
            long id = customers.create(EMAIL, "Phone", "Borrower", "+1 555 0199", PASSWORD);
            return BenchmarkLoans.openHomeLoan(servicing, "PHONE-0001", id, TODAY.minusYears(1).minusMonths(1), 12);
        });
    }

    /** Signs in through the sign-in page's form, as the borrower would, and waits for the page after it. */
    private static void signIn(ChromeDriver driver, String login) {
        driver.get(login);
        driver.findElement(By.id("username")).sendKeys(EMAIL);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/login")
                && Boolean.TRUE.equals(((ChromeDriver) d).executeScript("return document.readyState === 'complete';")));
    }

    /**
     * One visit; {LCP in ms, bytes transferred}. A cold one clears the browser's cache and cookies first.
     *
     * @param ready JavaScript that is true once the page has drawn what it is for
     */
    private static double[] visit(ChromeDriver driver, String url, boolean cold, String ready) throws InterruptedException {
        if (cold) {
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }
        driver.get("about:blank");
        driver.get(url);
        // The largest paint settles once the form is drawn; give it the time a slowed CPU needs, then read it.
        long deadline = System.currentTimeMillis() + 20_000;
        double lcp = 0;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
            double now = ((Number) driver.executeScript("return window.__lcp || 0;")).doubleValue();
            boolean drawn = Boolean.TRUE.equals(driver.executeScript(
                    "return document.readyState === 'complete' && " + ready + ";"));
            if (drawn && now > 0 && now == lcp) {
                break;
            }
            lcp = now;
        }
        double bytes = ((Number) driver.executeScript(TRANSFERRED)).doubleValue();
        return new double[]{lcp, bytes};
    }

    private static final String SIGN_IN_READY = "!!document.querySelector('form')";
    /** The Summary's figures, which come with the page's first UIDL answer. */
    private static final String SUMMARY_READY = "!!document.getElementById('summary-fields')";

    private static void row(String name, List<double[]> visits, String goal) {
        System.out.printf(Locale.ROOT, "  %-40s %10.0f %10.0f %10.1f %14s%n", name, median(visits, 0),
                visits.stream().mapToDouble(v -> v[0]).max().orElse(0), median(visits, 1) / 1024, goal);
    }

    private static double median(List<double[]> visits, int index) {
        List<Double> values = new ArrayList<>(visits.stream().map(v -> v[index]).toList());
        values.sort(Comparator.naturalOrder());
        return values.get(values.size() / 2);
    }
}
