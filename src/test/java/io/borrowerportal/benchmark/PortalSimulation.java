package io.borrowerportal.benchmark;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load test of issue #14 (decision 042): signed-in borrowers using the portal as a browser does, replayed in
 * Vaadin's own protocol. Each virtual user is one borrower: they sign in (the server-rendered sign-in page and its
 * CSRF field, the form post, the accounts list's bootstrap page and its first message), then keep using the portal, with a think
 * time between actions, until the run ends:
 * <ul>
 *   <li>70% browse: Summary, Transactions (and the grids' row confirmations), Payments;</li>
 *   <li>20% pay: Summary, Make a Payment, "Custom amount" of $25.00 typed, Next, Next to the review (which must show
 *       $25.00), then Confirm with the sandbox Visa on file, which must lead to the receipt: a real card payment;</li>
 *   <li>10% AutoPay: the AutoPay tab, then Summary.</li>
 * </ul>
 * Every UIDL message carries the CSRF token, sync id and client id the way the Flow client does, read from the answer
 * before it; router navigation is the {@code ui-navigate} event a link click sends; buttons and fields are found by
 * their element ids in the answers, and clicked or filled with the messages the browser sends.
 *
 * <p>It fails on any error: a status other than the expected one, an answer without the page's text, a Vaadin
 * error, a session-expired or resynchronize answer, or the portal's own error notification. After the run the payments
 * in the database must be exactly the ones the simulation saw confirmed.
 *
 * <p>The node runs in this JVM ({@link LoadTarget}); the figures printed at the end add what Gatling does not know:
 * UIDL times over the plateau only (all users signed in), the CPU of the node's request threads, the load generator
 * and MariaDB, and the heap. Properties: {@code portal.load.users} (6), {@code portal.load.seconds} the time each
 * user stays (30), {@code portal.load.ramp} the seconds over which users arrive (a third of that, at most 60),
 * {@code portal.load.think} seconds between actions ("5-10").
 */
public class PortalSimulation extends Simulation {

    static final int USERS = Integer.getInteger("portal.load.users", 6);
    static final int SECONDS = Integer.getInteger("portal.load.seconds", 30);
    static final int RAMP = Integer.getInteger("portal.load.ramp", Math.min(60, SECONDS / 3));
    static final int[] THINK = Arrays.stream(System.getProperty("portal.load.think", "5-10").split("-"))
            .mapToInt(Integer::parseInt).toArray();
    static final String CUSTOM_AMOUNT = "25.00";

    /** Anything that means the page did not work: Flow's error and expiry answers, the portal's error notification. */
    private static final String VAADIN_ERROR = "\"appError\"|\"sessionExpired\"|\"resynchronize\"|Something went wrong \\(reference"
            + "|You are not allowed to do that";
    private static final String UI_ID = "\"v-uiId\"\\s*:\\s*(\\d+)";
    private static final String SECURITY_KEY = "\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"";
    /** The value of the sign-in form's hidden CSRF field (Spring Security's parameter name). */
    private static final String CSRF_FIELD = "<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">";
    private static final String SYNC_ID = "\"syncId\"\\s*:\\s*(\\d+)";
    private static final String CLIENT_ID = "\"clientId\"\\s*:\\s*(\\d+)";
    /** What Chromium sends for a click on a button: every expression Vaadin's ClickEvent asks for. */
    private static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":120,\"event.clientY\":300,\"event.altKey\":false,\"event.button\":0,"
            + "\"event.screenY\":380,\"event.screenX\":120}";

    private final LoadTarget target = LoadTarget.start(USERS);
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicInteger brokenJourneys = new AtomicInteger();
    /** By request name: {when it was answered, its time in ms} of every UIDL answer. */
    private final Map<String, ConcurrentLinkedQueue<long[]>> uidlTimes = new ConcurrentHashMap<>();
    private long paymentsBefore;
    private volatile long plateauFrom;
    private volatile long plateauTo;

    {
        HttpProtocolBuilder protocol = http.baseUrl(target.baseUrl())
                .acceptLanguageHeader("en-US,en;q=0.9")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) Gatling load test");
        int pay = Math.max(1, Math.round(USERS * 0.2f));
        int autoPay = Math.max(1, Math.round(USERS * 0.1f));
        int browse = Math.max(1, USERS - pay - autoPay);
        List<LoadTarget.Customer> customers = target.customers();
        setUp(population("Browse", customers.subList(0, browse), browse()),
                population("Pay", customers.subList(browse, browse + pay), pay()),
                population("AutoPay", customers.subList(browse + pay, browse + pay + autoPay), autoPay()))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    private PopulationBuilder population(String name, List<LoadTarget.Customer> customers, ChainBuilder journey) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (LoadTarget.Customer customer : customers) {
            records.add(Map.of("email", customer.email(), "loan", customer.loanNumber()));
        }
        FeederBuilder<Object> feeder = listFeeder(records).queue();
        ScenarioBuilder scenario = scenario(name).feed(feeder)
                .exec(signIn())
                .exec(during(Duration.ofSeconds(SECONDS)).on(journey));
        // Each user arrives at a random moment of the ramp and stays; the plateau has them all.
        return scenario.injectOpen(rampUsers(customers.size()).during(Duration.ofSeconds(Math.max(1, RAMP))));
    }

    @Override
    public void before() {
        paymentsBefore = target.payments();
        long now = System.currentTimeMillis();
        plateauFrom = now + RAMP * 1000L;
        plateauTo = now + SECONDS * 1000L;
        target.startSampling();
    }

    @Override
    public void after() {
        try {
            long made = target.payments() - paymentsBefore;
            System.out.println();
            System.out.println("Borrower Portal load test: " + USERS + " users, each staying " + SECONDS + " s, arriving over "
                    + RAMP + " s, think time " + THINK[0] + "-" + THINK[1] + " s");
            printUidlTimes();
            target.report(USERS).forEach(System.out::println);
            System.out.printf(Locale.ROOT, "payments: %d confirmed by the simulation, %d new in the database%n", confirmed.get(), made);
            if (made != confirmed.get()) {
                throw new IllegalStateException("The database has " + made + " new payments, the simulation saw "
                        + confirmed.get() + " confirmed");
            }
            if (brokenJourneys.get() > 0) {
                throw new IllegalStateException(brokenJourneys.get() + " journeys broke off (see above)");
            }
            if (confirmed.get() == 0) {
                throw new IllegalStateException("No payment was made: the pay journey did not reach its receipt");
            }
        } finally {
            target.close();
        }
    }

    /** UIDL answers timed while every user was signed in (the plateau), in milliseconds: all, then by request. */
    private void printUidlTimes() {
        double seconds = (plateauTo - plateauFrom) / 1000.0;
        long[] all = plateau(uidlTimes.values().stream().flatMap(ConcurrentLinkedQueue::stream).toList());
        if (all.length == 0) {
            System.out.println("UIDL on the plateau: no requests (the ramp took the whole run)");
            return;
        }
        System.out.printf(Locale.ROOT, "UIDL on the plateau (%.0f s, all %d users signed in): %d requests, %.1f/s, "
                        + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", seconds, USERS, all.length, all.length / seconds,
                percentile(all, 50), percentile(all, 95), percentile(all, 99), all[all.length - 1]);
        new TreeMap<>(uidlTimes).forEach((name, answers) -> {
            long[] times = plateau(List.copyOf(answers));
            if (times.length > 0) {
                System.out.printf(Locale.ROOT, "  %-26s %6d   p50 %5d ms   p95 %5d ms   p99 %5d ms%n", name, times.length,
                        percentile(times, 50), percentile(times, 95), percentile(times, 99));
            }
        });
    }

    private long[] plateau(List<long[]> answers) {
        return answers.stream().filter(t -> t[0] >= plateauFrom && t[0] <= plateauTo).mapToLong(t -> t[1]).sorted().toArray();
    }

    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static ChainBuilder think() {
        return pause(Duration.ofSeconds(THINK[0]), Duration.ofSeconds(THINK[1]));
    }

    // ---- the journeys ---------------------------------------------------------------------------------------------

    /**
     * The sign-in page (plain HTML from the server, no Vaadin UI: decision 043), the form's post with the page's CSRF
     * field, then the accounts list, a page of its own, and its first message.
     */
    private ChainBuilder signIn() {
        return exec(http("sign-in page").get("/login").headers(Map.of("Sec-Fetch-Dest", "document", "Sec-Fetch-Mode", "navigate"))
                        .check(status().is(200), substring("login-form"), regex(CSRF_FIELD).saveAs("csrf")))
                .exec(think())
                .exec(http("sign in").post("/login").formParam("_csrf", "#{csrf}").formParam("username", "#{email}")
                        .formParam("password", LoadTarget.PASSWORD).disableFollowRedirect()
                        .check(status().is(302), header("Location").transform(location -> location.contains("/login")).is(false)))
                .exec(http("accounts page").get("/").headers(Map.of("Sec-Fetch-Dest", "document", "Sec-Fetch-Mode", "navigate"))
                        .check(status().is(200), substring("#{loan}"), regex(UI_ID).saveAs("uiId"), regex(SECURITY_KEY).saveAs("key")))
                .exec(session -> session.set("syncId", "0").set("clientId", "0"))
                .exec(uidl("accounts: connected", session -> navigateRpc(session, "accounts", ""), "syncId"))
                .exitHereIfFailed();
    }

    private ChainBuilder browse() {
        return exec(think(), tab("summary", "Loan details"),
                think(), tab("transactions", "Transaction history").check(bodyString().saveAs("page")),
                exec(uidl("transactions: grid rows", session -> UidlMessages.gridConfirmations(session.getString("page")), "syncId")),
                think(), tab("payments", "Payments"),
                exitHereIfFailed());
    }

    private ChainBuilder autoPay() {
        return exec(think(), tab("autopay", "AutoPay"),
                think(), tab("summary", "Loan details"),
                exitHereIfFailed());
    }

    /**
     * Make a Payment of a custom $25.00 with the card on file, as the borrower clicks through it: each click is the
     * button's click event, each field's value the property sync the browser sends.
     */
    private ChainBuilder pay() {
        return exec(think(), tab("summary", "Loan details"),
                think(), tab("pay", "pay-next").check(id("pay-type"), id("pay-type-custom"), id("pay-next"),
                        bodyString().saveAs("page")),
                exec(this::customKey),
                exitHereIfFailed(),
                think(),
                // The amount field shows once "Custom amount" is chosen; Flow sends a hidden element's state only then.
                exec(uidl("pay: custom amount", session -> sync(session.getString("pay-type"), session.getString("customKey")),
                        "pay-amount").check(id("pay-amount"))),
                exec(uidl("pay: amount, next", session -> sync(session.getString("pay-amount"), CUSTOM_AMOUNT) + ","
                        + click(session.getString("pay-next")), "method-next").check(id("method-next"))),
                think(),
                exec(uidl("pay: review", session -> click(session.getString("method-next")), "$" + CUSTOM_AMOUNT)
                        .check(id("pay-confirm"))),
                think(),
                // Counted as the answer is checked: an action after it would not run when the user's time is up.
                exec(uidl("pay: confirm", session -> click(session.getString("pay-confirm")), "confirmation-number")
                        .check(substring("confirmation-number").count().transform(receipts -> {
                            if (receipts > 0) {
                                confirmed.incrementAndGet();
                            }
                            return receipts;
                        }).gt(0))),
                exitHereIfFailed());
    }

    // ---- UIDL -------------------------------------------------------------------------------------------------------

    /** A click on a tab's router link: the client's {@code ui-navigate} event, answered with the new page. */
    private HttpRequestActionBuilder tab(String route, String expected) {
        return uidl(route, session -> navigateRpc(session, "accounts/" + session.getString("loan") + "/" + route, "link"),
                expected);
    }

    /**
     * One UIDL message with the given RPCs: the CSRF token, the last sync id the server sent and the client's own
     * message count, as the Flow client sends them. The answer must show {@code expected} and no error, and gives the
     * next ids.
     */
    private HttpRequestActionBuilder uidl(String name, Function<Session, String> rpc, String expected) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(session -> "{\"csrfToken\":\"" + session.getString("key") + "\",\"rpc\":[" + rpc.apply(session)
                        + "],\"syncId\":" + session.getString("syncId") + ",\"clientId\":" + session.getString("clientId") + "}"))
                .check(status().is(200), regex(VAADIN_ERROR).notExists(), substring(expected),
                        regex(SYNC_ID).saveAs("syncId"), regex(CLIENT_ID).saveAs("clientId"),
                        responseTimeInMillis().transform(millis -> {
                            uidlTimes.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>())
                                    .add(new long[] {System.currentTimeMillis(), millis});
                            return millis;
                        }).gte(0));
    }

    private static String navigateRpc(Session session, String route, String trigger) {
        int historyIndex = Integer.parseInt(session.getString("clientId")) + 1;
        return "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + historyIndex + "},\"trigger\":\""
                + trigger + "\"}}";
    }

    private static String click(String node) {
        return "{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":" + CLICK_DATA + "}";
    }

    /** A property the element's client side changed, as the browser syncs it. */
    private static String sync(String node, String value) {
        return "{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":\"" + value + "\"}";
    }

    /**
     * The state node of the element with this id in the answer, kept in the session under the id; the check fails (the
     * request counts as an error) when the answer has no such element.
     */
    private static io.gatling.javaapi.core.CheckBuilder.Final id(String id) {
        return regex("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":\\d+,\"value\":\""
                + Pattern.quote(id) + "\"\\}").saveAs(id);
    }

    /**
     * The "Custom amount" radio button's value, the key the group's value takes, from the page's answer. A page without
     * it is a broken journey, which fails the run (after the run, as no request failed).
     */
    private Session customKey(Session session) {
        String page = session.getString("page");
        try {
            return session.remove("page").set("customKey", property(page, session.getString("pay-type-custom"), "value"));
        } catch (IllegalStateException missing) {
            brokenJourneys.incrementAndGet();
            System.out.println("Make a Payment: " + missing.getMessage());
            return session.remove("page").markAsFailed();
        }
    }

    /** A string property of a state node, as the answer put it. */
    static String property(String uidl, String node, String name) {
        Matcher matcher = Pattern.compile("\\{\"node\":" + node + ",\"type\":\"put\",\"key\":\"" + Pattern.quote(name)
                + "\",\"feat\":\\d+,\"value\":\"([^\"]*)\"\\}").matcher(uidl);
        if (!matcher.find()) {
            throw new IllegalStateException("no property " + name + " on node " + node);
        }
        return matcher.group(1);
    }
}
