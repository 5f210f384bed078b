package io.borrowerportal.benchmark;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.SystemTask;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one signed-in customer costs the server's heap ({@code ./mvnw -q -Pbenchmark test-compile
 * exec:exec@session-memory-benchmark -Dportal.bench.db.name=portal_bench_mem}; on a fresh work tree run
 * {@code vaadin:build-frontend} once before {@code exec:exec}, as production mode needs its index.html): the app in
 * production mode on a free port, then 100, 200 and 400 customers' sessions made over real HTTP, each walking the
 * standard journey as Chromium would send it, and the heap after a full collection at each count. Per session = (heap
 * at N - heap at 0) / N. Then a class histogram at the largest count against the one at 0 sessions, per session: where
 * the memory goes. Numbers, not a test.
 *
 * <p>Each session: GET /login (the sign-in page, plain HTML from the server: no UI, decision 043), POST /login with the
 * page's CSRF token, GET / (the router forwards to the accounts list, the session's first UI), then in that UI, as a click on a tab does, UIDL navigation to
 * the account's Summary, Payments, AutoPay and last Transactions (the heaviest page, so the session ends holding
 * it). The server builds exactly the UI and views a browser would get; the client keeps only a cookie and the UI's
 * ids, and it checks that each answer shows its page's text. The grids' first rows come with the page; the session
 * then confirms them as the grids' client side does, so the UI's last answer, which Vaadin keeps, is that small one.
 *
 * <p>{@code -Dportal.bench.memory.breakdown=true} prints instead what a session costs by the page it stops at, and
 * with parts of the Transactions page switched off; {@code -Dportal.bench.memory.dump=/tmp/sessions.hprof} writes a
 * heap dump of live objects at the largest count.
 */
public final class SessionMemoryBenchmark {

    static final LocalDate TODAY = LocalDate.parse("2036-06-15");
    static final String PASSWORD = "bench-password-1";
    static final double GOAL_KB = 150;
    static final int[] COUNTS = Arrays.stream(System.getProperty("portal.bench.memory.sessions", "100,200,400").split(","))
            .mapToInt(Integer::parseInt).toArray();
    /** Customers, each with a 30-year loan ten years in (120 payments posted, 240 forecast rows); sessions take turns. */
    static final int CUSTOMERS = Integer.getInteger("portal.bench.memory.customers", 40);
    static final int TOP_CLASSES = 25;
    /**
     * {@code -Dportal.bench.memory.breakdown=true}: instead, 100 sessions stopping at the accounts list, 100 more stopping
     * at Summary, 100 more walking the whole journey; the growth of each hundred is what a session showing that page costs.
     */
    static final boolean BREAKDOWN = Boolean.getBoolean("portal.bench.memory.breakdown");
    /** The journey's pages after the accounts list, in order. */
    static final List<String[]> TABS = List.of(new String[] {"summary", "Loan details"}, new String[] {"payments", "Payments"},
            new String[] {"autopay", "AutoPay"}, new String[] {"transactions", "Transaction history"});

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private SessionMemoryBenchmark(int port) {
        this.base = "http://localhost:" + port;
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Session memory benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        // The sign-in limit is per address and every session here comes from 127.0.0.1.
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY,
                "--portal.rate-limits.sign-in.capacity=100000")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            List<Customer> customers = book(context);
            new SessionMemoryBenchmark(port).run(context, customers);
        }
    }

    record Customer(String email, String loanNumber) {
    }

    /** What the client keeps of a session: its cookie and the UI it shows. */
    record Visit(String cookie, int uiId) {
    }

    private void run(ConfigurableApplicationContext context, List<Customer> customers) throws Exception {
        currentContext = context;
        System.out.printf(Locale.ROOT, "%d customers, each with a 360-month loan 120 payments in; business date %s%n%n",
                customers.size(), TODAY);
        // Warm-up: the code paths compiled and every cache the app fills once (settings, Hibernate's plans, Vaadin's
        // route registry) filled, so heap(0) already holds them; then those sessions end.
        List<Visit> warmUp = open(customers, 0, Math.min(20, customers.size()));
        for (Visit visit : warmUp) {
            signOut(visit);
        }
        long heap0 = heapAfterGc();
        if (BREAKDOWN) {
            breakdown(customers, heap0);
            return;
        }
        Map<String, long[]> histogram0 = histogram();
        List<Visit> visits = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        for (int count : COUNTS) {
            long start = System.nanoTime();
            visits.addAll(open(customers, visits.size(), count - visits.size()));
            double seconds = (System.nanoTime() - start) / 1e9;
            long heap = heapAfterGc();
            int[] uis = uis(context);
            rows.add(new long[] {count, heap, uis[0], uis[1], uis[2], Math.round(seconds)});
        }
        System.out.printf(Locale.ROOT, "  %-10s %16s %16s %14s %10s %10s %10s%n", "sessions", "heap after GC MB",
                "growth MB", "KB per session", "Vaadin", "live UIs", "opened in");
        System.out.printf(Locale.ROOT, "  %-10d %16.1f %16s %14s %10s %10s %10s%n", 0, heap0 / 1048576.0, "", "", "", "", "");
        for (long[] row : rows) {
            double perSession = (row[1] - heap0) / 1024.0 / row[0];
            System.out.printf(Locale.ROOT, "  %-10d %16.1f %16.1f %14.1f %10d %10d %9ds   goal <= %.0f KB%s%n", row[0],
                    row[1] / 1048576.0, (row[1] - heap0) / 1048576.0, perSession, row[2], row[3], row[5], GOAL_KB,
                    perSession <= GOAL_KB ? " (met)" : " (NOT met)");
        }
        long[] last = rows.getLast();
        System.out.printf(Locale.ROOT, "  (Vaadin = Vaadin sessions on the server, live UIs = their UIs not closed; at %d sessions "
                + "%d UIs show Transactions)%n%n", last[0], last[4]);
        top(histogram0, histogram(), (int) last[0]);
        String dump = System.getProperty("portal.bench.memory.dump", "");
        if (!dump.isBlank()) {
            // Live objects only, for a closer look at what the sessions hold (e.g. Eclipse MAT's dominator tree).
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
            System.out.println("Heap dump at " + last[0] + " sessions: " + dump);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Each session: GET /login (no UI), POST /login, GET / (forwarded "
                + "to the accounts list), then in that UI UIDL navigation to Summary, Payments, AutoPay and Transactions.%n");
    }

    private void breakdown(List<Customer> customers, long heap0) throws Exception {
        System.out.printf(Locale.ROOT, "  %-44s %16s %14s%n", "100 more sessions, each stopping at", "heap after GC MB", "KB per session");
        System.out.printf(Locale.ROOT, "  %-44s %16.1f%n", "(none)", heap0 / 1048576.0);
        long before = heap0;
        int opened = 0;
        for (int tabs : new int[] {0, 1, TABS.size()}) {
            open(customers, opened, 100, tabs);
            opened += 100;
            long heap = heapAfterGc();
            String page = tabs == 0 ? "the accounts list" : tabs == 1 ? "Summary" : "Transactions (whole journey)";
            System.out.printf(Locale.ROOT, "  %-44s %16.1f %14.1f%n", page, heap / 1048576.0, (heap - before) / 1024.0 / 100);
            before = heap;
        }
        // The lender's switches take parts off the Transactions page: what is left shows what each part costs.
        JdbcTemplate jdbc = currentContext.getBean(JdbcTemplate.class);
        String[][] switches = {{"show_forecast = false", "Transactions without the forecast"},
                {"show_balance_chart = false, allow_transaction_download = false", "Transactions, history grid only"}};
        for (String[] change : switches) {
            jdbc.update("update lender_settings set " + change[0] + ", version = version + 1");
            Thread.sleep(4_000);  // portal.settings.refresh-interval is 2 s
            open(customers, opened, 100, TABS.size());
            opened += 100;
            long heap = heapAfterGc();
            System.out.printf(Locale.ROOT, "  %-44s %16.1f %14.1f%n", change[1], heap / 1048576.0, (heap - before) / 1024.0 / 100);
            before = heap;
        }
    }

    /** Opens {@code count} sessions, customers in turn from {@code first}, two at a time (the server has two cores). */
    private List<Visit> open(List<Customer> customers, int first, int count) throws Exception {
        return open(customers, first, count, TABS.size());
    }

    private List<Visit> open(List<Customer> customers, int first, int count, int tabs) throws Exception {
        List<Visit> opened = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Visit>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Customer customer = customers.get((first + i) % customers.size());
                futures.add(pool.submit(() -> journey(customer, tabs)));
            }
            for (Future<Visit> future : futures) {
                opened.add(future.get());
            }
        }
        return opened;
    }

    /** The standard journey of one customer, its first {@code tabs} tabs; throws if a page does not show what it should. */
    private Visit journey(Customer customer, int tabs) throws Exception {
        HttpResponse<String> login = get(null, "/login");
        String cookie = cookie(login, null);
        expect(login, "login-form", "the sign-in page");
        HttpResponse<String> signIn = send(cookie, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SignIn.csrfField(login.body()) + "username=" + customer.email()
                        + "&password=" + PASSWORD)));
        String location = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("sign-in of " + customer.email() + " failed: " + signIn.statusCode() + " " + location);
        }
        cookie = cookie(signIn, cookie);

        HttpResponse<String> home = get(cookie, "/");
        for (int hops = 0; hops < 5 && home.statusCode() / 100 == 3; hops++) {
            home = get(cookie, home.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        }
        expect(home, customer.loanNumber(), "the accounts list");
        int uiId = uiId(home);
        String key = securityKey(home);
        int[] ids = {0, 0};
        // The client's first message from a loaded page: it tells the UI the route it shows, which it already built.
        navigate(cookie, uiId, key, ids, "accounts", "", "serverConnected");
        String prefix = "accounts/" + customer.loanNumber() + "/";
        String page = null;
        for (String[] tab : TABS.subList(0, tabs)) {
            page = navigate(cookie, uiId, key, ids, prefix + tab[0], "link", tab[1]);
        }
        if (page != null) {
            confirmRows(cookie, uiId, key, ids, page);
        }
        return new Visit(cookie, uiId);
    }

    /**
     * A click on a router link ({@code trigger} "link"): the client sends the UI's ui-navigate event, the server runs
     * the router in that UI. The page's own first message has no trigger.
     */
    private String navigate(String cookie, int uiId, String key, int[] ids, String route, String trigger, String expected)
            throws Exception {
        String body = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"" + route + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":"
                + (ids[1] + 1) + "},\"trigger\":\"" + trigger + "\"}}],\"syncId\":" + ids[0] + ",\"clientId\":" + ids[1] + "}";
        return send(cookie, uiId, ids, body, expected, route);
    }

    /**
     * A grid's first rows come with the page; its client side confirms each batch of rows ({@code $connector.confirm}
     * asks it to), as the next message of that UI. Vaadin keeps a UI's last answer, so after this it keeps this small
     * one and not the page's, as in a browser.
     */
    private void confirmRows(String cookie, int uiId, String key, int[] ids, String page) throws Exception {
        String rpc = UidlMessages.gridConfirmations(page);
        if (!rpc.isEmpty()) {
            send(cookie, uiId, ids, "{\"csrfToken\":\"" + key + "\",\"rpc\":[" + rpc + "],\"syncId\":" + ids[0]
                    + ",\"clientId\":" + ids[1] + "}", "syncId", "the grids' confirmations");
        }
    }

    private String send(String cookie, int uiId, int[] ids, String body, String expected, String what) throws Exception {
        HttpResponse<String> answer = uidl(cookie, uiId, body);
        expect(answer, expected, what);
        Matcher sync = SYNC_ID.matcher(answer.body());
        Matcher client = CLIENT_ID.matcher(answer.body());
        if (!sync.find() || !client.find()) {
            throw new IllegalStateException(what + ": no syncId/clientId in " + abbreviate(answer.body()));
        }
        ids[0] = Integer.parseInt(sync.group(1));
        ids[1] = Integer.parseInt(client.group(1));
        return answer.body();
    }

    private void signOut(Visit visit) throws Exception {
        // Spring Security's logout wants the CSRF token of a page; ending the session at the container is the same
        // for memory, and it is what the 15-minute timeout does.
        send(visit.cookie(), HttpRequest.newBuilder(URI.create(base + "/logout")).POST(HttpRequest.BodyPublishers.noBody()));
        sessions(currentContext).stream().filter(s -> s.getId().equals(visit.cookie())).forEach(Session::expire);
    }

    private HttpResponse<String> uidl(String cookie, int uiId, String json) throws Exception {
        HttpResponse<String> answer = send(cookie, HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("UIDL answered " + answer.statusCode() + ": " + abbreviate(answer.body()));
        }
        return answer;
    }

    private HttpResponse<String> get(String cookie, String path) throws Exception {
        return send(cookie, HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-Mode", "navigate").GET());
    }

    private HttpResponse<String> send(String cookie, HttpRequest.Builder request) throws Exception {
        if (cookie != null) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> response, String current) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = SESSION_COOKIE.matcher(header);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        if (current == null) {
            throw new IllegalStateException("no session cookie from " + response.uri());
        }
        return current;
    }

    private static int uiId(HttpResponse<String> page) {
        Matcher matcher = UI_ID.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no v-uiId in " + page.uri() + ": " + abbreviate(page.body()));
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String securityKey(HttpResponse<String> page) {
        Matcher matcher = SECURITY_KEY.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no Vaadin-Security-Key in " + page.uri() + ": " + abbreviate(page.body()));
        }
        return matcher.group(1);
    }

    private static void expect(HttpResponse<String> response, String text, String what) {
        if (response.statusCode() != 200 || !response.body().contains(text)) {
            throw new IllegalStateException(what + ": expected 200 with \"" + text + "\", got " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }

    private static ConfigurableApplicationContext currentContext;

    private static List<Session> sessions(ConfigurableApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Context web = (Context) server.getTomcat().getHost().findChildren()[0];
        return Arrays.asList(web.getManager().findSessions());
    }

    /** {Vaadin sessions, live UIs, UIs showing Transactions}, read under each session's lock. */
    private static int[] uis(ConfigurableApplicationContext context) {
        int[] counts = new int[3];
        for (Session session : sessions(context)) {
            Enumeration<String> names = session.getSession().getAttributeNames();
            while (names.hasMoreElements()) {
                if (session.getSession().getAttribute(names.nextElement()) instanceof VaadinSession vaadin) {
                    counts[0]++;
                    vaadin.lock();
                    try {
                        for (UI ui : vaadin.getUIs()) {
                            if (!ui.isClosing()) {
                                counts[1]++;
                                if (ui.getInternals().getActiveRouterTargetsChain().stream()
                                        .anyMatch(view -> view.getClass().getSimpleName().equals("TransactionsView"))) {
                                    counts[2]++;
                                }
                            }
                        }
                    } finally {
                        vaadin.unlock();
                    }
                }
            }
        }
        return counts;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(250);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Class name to {instances, bytes} of live objects (the diagnostic command collects first, as jmap -histo:live). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        Pattern line = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
        for (String row : text.split("\n")) {
            Matcher matcher = line.matcher(row);
            if (matcher.matches()) {
                classes.merge(matcher.group(3), new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return classes;
    }

    private static void top(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        Map<String, long[]> growth = new TreeMap<>();
        after.forEach((name, counts) -> {
            long[] was = before.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {counts[0] - was[0], counts[1] - was[1]});
        });
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(growth.entrySet());
        sorted.sort(Collections.reverseOrder(Map.Entry.comparingByValue((a, b) -> Long.compare(a[1], b[1]))));
        long total = growth.values().stream().mapToLong(g -> g[1]).sum();
        System.out.printf(Locale.ROOT, "Live objects per session at %d sessions against 0 (class histogram; all classes: %.1f KB)%n",
                sessions, total / 1024.0 / sessions);
        System.out.printf(Locale.ROOT, "  %-80s %12s %12s%n", "class", "objects", "bytes");
        for (Map.Entry<String, long[]> entry : sorted.subList(0, Math.min(TOP_CLASSES, sorted.size()))) {
            System.out.printf(Locale.ROOT, "  %-80s %12.1f %12.0f%n", entry.getKey(), entry.getValue()[0] / (double) sessions,
                    entry.getValue()[1] / (double) sessions);
        }
    }

    /** Customers with a 30-year loan ten years in, the same password, each linked to their own loan. */
    private static List<Customer> book(ConfigurableApplicationContext context) {
        CustomerService customers = context.getBean(CustomerService.class);
        LoanServicing servicing = context.getBean(LoanServicing.class);
        return SystemTask.call(() -> {
            BenchmarkLoans.defineHomeProduct(servicing);
            List<Customer> booked = new ArrayList<>();
            LocalDate start = TODAY.minusYears(10).minusMonths(1);
            for (int i = 0; i < CUSTOMERS; i++) {
                String email = String.format(Locale.ROOT, "memory.%03d@example.com", i);
                long id = customers.create(email, "Memory", "Borrower " + i, "+1 555 0" + (300 + i), PASSWORD);
                String loan = BenchmarkLoans.openHomeLoan(servicing, String.format(Locale.ROOT, "MEM-%04d", i), id, start, 120);
                booked.add(new Customer(email, loan));
            }
            return booked;
        });
    }
}
