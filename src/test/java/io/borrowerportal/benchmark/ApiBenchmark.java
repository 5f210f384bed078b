package io.borrowerportal.benchmark;

import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.integration.ApiScope;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The inbound API over real HTTP ({@code ./mvnw -q -Pbenchmark test-compile exec:exec@api-benchmark}): the app runs
 * in this 512 MB JVM on a free port against MariaDB, an API key is issued through {@link ApiClients}, and each
 * iteration upserts a new loan the way a servicer would: PUT the customer, PUT the loan, PUT its borrowers, POST its
 * 120 ledger entries in one batch. Prints p50/p95/p99/max of the whole upsert and of the ledger POST alone, after a
 * warm-up. The API's per-client rate limit is raised through its property, not switched off.
 * {@code -Dportal.bench.api.loans=N} measures another number of loans. Numbers, not a test.
 */
public final class ApiBenchmark {

    static final int LOANS = Integer.getInteger("portal.bench.api.loans", 1000);
    /** A servicer talks to a running node: 2,000 calls first, so the measured ones run compiled, not interpreted. */
    static final int WARM_UP = 500;
    static final int ENTRIES = 120;
    /** The four calls of one loan's upsert, in their order. */
    static final String[] CALLS = {"PUT customer", "PUT loan", "PUT borrowers", "POST ledger-entries with 120 entries"};
    static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    static final double GOAL_MS = 50;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String key;

    private ApiBenchmark(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Inbound API benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY,
                "--portal.api.rate-limit.capacity=1000000")) {
            SystemTask.run(() -> context.getBean(LoanServicing.class).defineProduct(new ProductDefinition("PERSONAL", "Personal loan",
                    new BigDecimal("11.5000"), 36, PaymentFrequency.MONTHLY, DayCount.ACTUAL_365, false)));
            AuditBenchmark.as(Role.ADMIN);
            String key = context.getBean(ApiClients.class).issue("API benchmark", ApiScope.WRITE, null).key();
            SignIn.out();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            new ApiBenchmark("http://127.0.0.1:" + port + "/api/v1", key).run();
        }
    }

    private void run() throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            upsert("W" + i, new long[CALLS.length + 1], 0);
        }
        long[][] times = new long[CALLS.length + 1][LOANS];
        long start = System.nanoTime();
        try (HeapSampler heap = HeapSampler.start()) {
            for (int i = 0; i < LOANS; i++) {
                long[] one = new long[CALLS.length + 1];
                upsert("M" + i, one, i);
                for (int k = 0; k < one.length; k++) {
                    times[k][i] = one[k];
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d warm-up loans, then %d timed loans in %.1f s (%.1f loans/s, %,.0f entries/s); "
                    + "peak heap %d MB%n", WARM_UP, LOANS, seconds, LOANS / seconds, LOANS * ENTRIES / seconds, heap.peakMegabytes());
        }
        System.out.printf(Locale.ROOT, "  %-58s %8s %8s %8s %8s%n", "client time over HTTP, ms", "p50", "p95", "p99", "max");
        row("loan upsert: PUT customer, loan, borrowers; POST 120 entries", times[0], true);
        for (int k = 0; k < CALLS.length; k++) {
            row("  of which " + CALLS[k], times[k + 1], false);
        }
    }

    /** One new loan through the four calls; times[0] the whole, then each call's ({@link #CALLS}), in nanoseconds. */
    private void upsert(String name, long[] times, int i) throws IOException, InterruptedException {
        String customer = "APIC-" + name;
        String loan = "API-" + name;
        LocalDate startDate = TODAY.minusMonths(ENTRIES + 1L);
        long start = System.nanoTime();
        times[1] = send("PUT", "/customers/" + customer, "{\"firstName\":\"Bench\",\"lastName\":\"Borrower " + name + "\","
                + "\"email\":\"api-" + name.toLowerCase(Locale.ROOT) + "@bench.example\",\"phone\":\"5185550100\","
                + "\"streetLine1\":\"" + (i % 997) + " Main Street\",\"city\":\"Albany\",\"state\":\"NY\","
                + "\"zip\":\"12207\",\"status\":\"ACTIVE\"}", 201);
        times[2] = send("PUT", "/loans/" + loan, "{\"productCode\":\"PERSONAL\",\"terms\":{\"principal\":30000.00,"
                + "\"annualRatePercent\":9.99,\"numberOfPayments\":180,\"startDate\":\"" + startDate + "\","
                + "\"firstDueDate\":\"" + startDate.plusMonths(1) + "\"},\"webAccess\":true,"
                + "\"servicerBalance\":12000.00,\"balanceAsOf\":\"" + TODAY + "\"}", 201);
        times[3] = send("PUT", "/loans/" + loan + "/borrowers", "{\"borrowers\":[{\"externalId\":\"" + customer
                + "\",\"role\":\"BORROWER\"}]}", 201);
        StringBuilder entries = new StringBuilder("{\"entries\":[");
        for (int k = 1; k <= ENTRIES; k++) {
            entries.append(k == 1 ? "" : ",").append("{\"servicerId\":\"E-").append(k)
                    .append("\",\"kind\":\"PAYMENT\",\"effectiveDate\":\"").append(startDate.plusMonths(k))
                    .append("\",\"amount\":322.00,\"principal\":150.00,\"interest\":172.00,\"fees\":0.00}");
        }
        String body = entries.append("]}").toString();
        times[4] = send("POST", "/loans/" + loan + "/ledger-entries", body, 200);
        times[0] = System.nanoTime() - start;
    }

    /** One call, answered as expected; its time in nanoseconds. */
    private long send(String method, String path, String body, int expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return System.nanoTime() - start;
    }

    private static void row(String name, long[] nanos, boolean goal) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p95 = percentile(sorted, 0.95);
        System.out.printf(Locale.ROOT, "  %-58s %8.1f %8.1f %8.1f %8.1f %s%n", name, percentile(sorted, 0.50), p95,
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, goal ? String.format(Locale.ROOT,
                        "p95 goal <= %.0f ms%s", GOAL_MS, p95 <= GOAL_MS ? " (met)" : " (NOT met)") : "");
    }

    static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.ceil(sorted.length * p) - 1] / 1e6;
    }
}
