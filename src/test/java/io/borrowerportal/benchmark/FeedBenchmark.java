package io.borrowerportal.benchmark;

import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.integration.ApiScope;
import io.borrowerportal.outbox.EventFeed;
import io.borrowerportal.outbox.EventType;
import io.borrowerportal.outbox.Outbox;
import io.borrowerportal.SignIn;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The event feed pulled over real HTTP ({@code ./mvnw -q -Pbenchmark test-compile exec:exec@feed-benchmark}): the
 * outbox is filled with 200,000 payment events through {@link Outbox#record}, the path every feature writes by
 * (1,000 events per transaction), then a client pulls {@code GET /api/v1/events?after=<cursor>&limit=<n>} from the
 * beginning to the end, parsing each page for its next cursor as a servicer would, once with the largest page and
 * once with the default one. Prints events/s and the page times. The first read numbers every committed event
 * (decision 029); that is timed on its own, since in service each read numbers only the few that came since.
 * {@code -Dportal.bench.feed.events=N} (a multiple of 1,000) for fewer. Numbers, not a test.
 */
public final class FeedBenchmark {

    static final int EVENTS = Integer.getInteger("portal.bench.feed.events", 200_000);
    static final int PER_TRANSACTION = 1_000;
    static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    static final double GOAL_EVENTS_PER_SECOND = 10_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String key;

    private FeedBenchmark(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Event feed benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY,
                "--portal.api.rate-limit.capacity=1000000")) {
            fill(context);
            AuditBenchmark.as(Role.ADMIN);
            String key = context.getBean(ApiClients.class).issue("Feed benchmark", ApiScope.READ, null).key();
            long start = System.nanoTime();
            long last = context.getBean(EventFeed.class).latestCursor();
            SignIn.out();
            System.out.printf(Locale.ROOT, "Numbering %,d committed events (the sequencer, %s): %.1f s%n%n", last,
                    "as the first read after them runs it", (System.nanoTime() - start) / 1e9);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            FeedBenchmark feed = new FeedBenchmark("http://127.0.0.1:" + port + "/api/v1/events", key);
            System.out.printf(Locale.ROOT, "  %-34s %9s %8s %9s %12s %8s %8s %8s%n", "pull from 0 to the end", "events",
                    "pages", "seconds", "events/s", "p50 ms", "p95 ms", "max ms");
            feed.pull(EventFeed.MAX_LIMIT, last, "warm-up, limit 1000 (not a result)");
            feed.pull(EventFeed.MAX_LIMIT, last, "limit 1000 (the largest page)");
            feed.pull(100, last, "limit 100 (the default page)");
        }
    }

    /** Payment events as the payment service writes them, through the outbox in transactions of 1,000. */
    private static void fill(ConfigurableApplicationContext context) {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        EventType[] types = {EventType.PAYMENT_CREATED, EventType.PAYMENT_PROCESSED, EventType.PAYMENT_SETTLED};
        long start = System.nanoTime();
        for (int from = 0; from < EVENTS; from += PER_TRANSACTION) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < first + PER_TRANSACTION; i++) {
                    String confirmation = String.format(Locale.ROOT, "PAY-%08d", i / types.length);
                    Map<String, Object> payload = new LinkedHashMap<>();
                    payload.put("confirmationNumber", confirmation);
                    payload.put("loanNumber", String.format(Locale.ROOT, "BN-%06d", i % 100_000));
                    payload.put("customerId", 1 + i % 50_000);
                    payload.put("amount", "125.00");
                    payload.put("principal", "98.40");
                    payload.put("interest", "26.60");
                    payload.put("fees", "0.00");
                    payload.put("channel", i % 5 == 0 ? "CARD" : "BANK");
                    payload.put("method", i % 5 == 0 ? "Visa ****4242" : "Checking ****9012");
                    payload.put("applyDate", TODAY.toString());
                    payload.put("status", types[i % types.length].name().substring("PAYMENT_".length()));
                    outbox.record(types[i % types.length], confirmation, payload);
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Filled the outbox with %,d events through Outbox.record (%,d per transaction) "
                + "in %.1f s, %,.0f events/s%n", EVENTS, PER_TRANSACTION, seconds, EVENTS / seconds);
    }

    private void pull(int limit, long last, String name) throws IOException, InterruptedException {
        long cursor = 0;
        long events = 0;
        long[] pages = new long[(int) (last / limit) + 2];
        int page = 0;
        long start = System.nanoTime();
        while (true) {
            long pageStart = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "?after=" + cursor
                    + "&limit=" + limit)).header("Authorization", "Bearer " + key).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            pages[page++] = System.nanoTime() - pageStart;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The feed answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode body = json.readTree(response.body());
            int count = body.get("events").size();
            if (count == 0) {
                break;
            }
            events += count;
            cursor = body.get("next").asLong();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (events != last) {
            throw new IllegalStateException("The feed delivered " + events + " events, not " + last);
        }
        long[] sorted = Arrays.copyOf(pages, page);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-34s %,9d %8d %9.1f %,12.0f %8.1f %8.1f %8.1f %s%n", name, events, page,
                seconds, events / seconds, ApiBenchmark.percentile(sorted, 0.5), ApiBenchmark.percentile(sorted, 0.95),
                sorted[page - 1] / 1e6, String.format(Locale.ROOT, "goal >= %,.0f events/s%s", GOAL_EVENTS_PER_SECOND,
                        events / seconds >= GOAL_EVENTS_PER_SECOND ? " (met)" : " (NOT met)"));
    }
}
