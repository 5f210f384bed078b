package io.borrowerportal.journey;

import com.sun.net.httpserver.HttpServer;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.access.AccessFixtures;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.integration.ApiCalls;
import io.borrowerportal.integration.ApiClients;
import io.borrowerportal.integration.ApiScope;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.outbox.AddedWebhookEndpoint;
import io.borrowerportal.outbox.EventFeed;
import io.borrowerportal.outbox.ReceivedWebhook;
import io.borrowerportal.outbox.WebhookRun;
import io.borrowerportal.outbox.Webhooks;
import io.borrowerportal.payment.SecretScan;
import io.borrowerportal.servicing.BalanceDifference;
import io.borrowerportal.servicing.Reconciliation;
import io.borrowerportal.servicing.ReconciliationRunSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13 end to end, through the real parts: the servicing system creates a customer and a loan over the API, the
 * customer gets in and pays in Chromium, the payment reaches the servicer both as a signed webhook and in the event
 * feed, and the servicer's echo of it is matched rather than posted a second time.
 * <ol>
 *   <li>Over HTTP with a WRITE key issued by {@link ApiClients}: {@code PUT} a new customer, a PERSONAL loan (whose
 *       upsert posts the disbursement), its borrowers, {@code POST} the first two installments paid on their due
 *       dates, then {@code GET} the loan's figures.</li>
 *   <li>In Chromium, as a real borrower gets in (decision 016): "First time here?" at {@code /activate} with the loan
 *       number and the email the servicer sent, the emailed link (GreenMail), a password of her own, sign-in. The
 *       Summary shows the API's amount due, payoff and principal balance, formatted as the page formats money.</li>
 *   <li>In Chromium: Make a Payment, "Amount due", the sandbox Visa 4242 4242 4242 4242 entered for this payment,
 *       confirm; the confirmation number is read from the receipt page.</li>
 *   <li>Webhooks: an endpoint added through {@link Webhooks} before the payment, whose receiver is a JDK
 *       {@link HttpServer} in this test; the delivery job's work is run directly (jobs are off in tests). The
 *       receiver checks {@code Portal-Signature} with its own HMAC-SHA256, not the production class.</li>
 *   <li>The feed: {@code GET /api/v1/events?after=<cursor>} from the cursor the servicer held before the payment
 *       ({@link EventFeed#latestCursor()}, read as an admin: the feed over HTTP from 0 would spend this client's small
 *       test rate limit on other tests' events) holds the same event, with the same id.</li>
 *   <li>The echo: the servicer posts the payment with {@code reference} = the confirmation number and the split the
 *       webhook told it (decision 030). It is matched, not posted; the ledger holds the payment once, the figures
 *       equal those right after the payment, a second identical echo answers with the first result, and the
 *       Summary in Chromium still shows the balance reduced once.</li>
 *   <li>The servicer's nightly send: the same terms (unchanged, though frozen by the payments) and its own balance,
 *       worked out from the webhook's split; a reconciliation run ({@link Reconciliation#runNow()}, as staff) does
 *       not list the loan, and the Summary shows no "being updated" notice (decision 032).</li>
 * </ol>
 * Nothing is replaced by a service call except issuing the key and adding the endpoint (the admin's console pages
 * have journeys and browserless tests of their own), reading the starting cursor, running the webhook job, and
 * staff's "Run now" of the reconciliation.
 * The business date is the suite's fixed one ({@link TestClock}, 2026-12-10 at 09:00, before the card cut-off).
 */
@PortalJourneyTest
class ConnectJourneyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final String PASSWORD = "harbor lights over quiet fields";
    static final String CARD = "4242 4242 4242 4242";
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApiClients apiClients;
    @Autowired
    Webhooks webhooks;
    @Autowired
    EventFeed feed;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    TestClock clock;

    private final List<ReceivedWebhook> received = Collections.synchronizedList(new ArrayList<>());
    private final String cvv = SecretScan.unusedCvv(Path.of("target/test-logs/portal.log"));
    private ApiCalls api;
    private HttpServer receiver;
    private AddedWebhookEndpoint endpoint;
    private String key;

    @BeforeEach
    void startTheServicersReceiver() throws IOException {
        clock.reset();
        api = new ApiCalls(port, JSON);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/portal-events", exchange -> {
            received.add(ReceivedWebhook.of(exchange));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopTheReceiver() {
        try {
            if (endpoint != null) {
                SignIn.as(users, "admin@example.com");
                webhooks.deactivate(endpoint.endpoint().id());
            }
        } finally {
            SignIn.out();
            receiver.stop(0);
            clock.reset();
        }
    }

    @Test
    void a_loan_sent_by_the_servicer_is_paid_by_its_borrower_and_the_servicers_echo_is_not_posted_twice(Browser browser)
            throws Exception {
        assertThat(LocalDate.now(clock)).as("the suite's business date").isEqualTo(TODAY);
        String base = "http://localhost:" + port;
        String customer = "LP-C-" + RUN;
        String email = "dana.connect." + RUN.toLowerCase(Locale.ROOT) + "@example.com";
        String loan = "PL-E2E-" + RUN;

        // The admin's part: a key for the servicing system, and its webhook endpoint (the cursor starts here).
        key = ApiCalls.issue(apiClients, users, ApiScope.WRITE, null).key();
        SignIn.as(users, "admin@example.com");
        endpoint = webhooks.add("http://127.0.0.1:" + receiver.getAddress().getPort() + "/portal-events",
                "Connect journey receiver");
        long cursor = feed.latestCursor();
        SignIn.out();

        // 1. The servicer sends the customer, the loan, its borrower and two installments paid on time.
        assertThat(outcome(send("PUT", "/api/v1/customers/" + customer, """
                {"firstName":"Dana","lastName":"Connect","email":"%s","phone":"5185550142","streetLine1":"12 Elm Street",
                 "city":"Albany","state":"NY","zip":"12207","status":"ACTIVE"}""".formatted(email)), 201))
                .isEqualTo("CREATED");
        LoanTerms terms = new LoanTerms(new BigDecimal("6000.00"), new BigDecimal("9.0000"), 12, LocalDate.of(2026, 9, 15),
                LocalDate.of(2026, 10, 15), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
        assertThat(outcome(send("PUT", "/api/v1/loans/" + loan, """
                {"productCode":"PERSONAL","terms":{"principal":6000.00,"annualRatePercent":9.0,"numberOfPayments":12,
                 "startDate":"2026-09-15","firstDueDate":"2026-10-15"},"webAccess":true}"""), 201)).isEqualTo("CREATED");
        HttpResponse<String> borrowers = send("PUT", "/api/v1/loans/" + loan + "/borrowers", """
                {"borrowers":[{"externalId":"%s","role":"BORROWER"}]}""".formatted(customer));
        assertThat(borrowers.statusCode()).as(borrowers.body()).isIn(200, 201);
        assertThat(JSON.readTree(borrowers.body()).get("outcome").asString()).isIn("CREATED", "UPDATED");
        List<Installment> schedule = LoanEngine.schedule(terms);
        JsonNode installments = body(send("POST", "/api/v1/loans/" + loan + "/ledger-entries", "{\"entries\":["
                + servicerPayment("LP-E-" + RUN + "-1", schedule.get(0)) + ","
                + servicerPayment("LP-E-" + RUN + "-2", schedule.get(1)) + "]}"), 200);
        assertThat(installments.get("posted").asInt()).isEqualTo(2);
        BigDecimal paidPrincipal = schedule.get(0).principal().add(schedule.get(1).principal());

        JsonNode before = body(get("/api/v1/loans/" + loan + "/figures"), 200);
        assertThat(before.get("asOf").asString()).isEqualTo(TODAY.toString());
        assertThat(before.get("status").asString()).isEqualTo("CURRENT");
        assertThat(before.get("nextDueDate").asString()).isEqualTo("2026-12-15");
        assertThat(before.get("principalBalance").decimalValue()).isEqualByComparingTo(new BigDecimal("6000.00").subtract(paidPrincipal));
        BigDecimal amountDue = before.get("amountDue").decimalValue();
        assertThat(amountDue).as("the December installment").isEqualByComparingTo(schedule.get(2).payment());

        // 2. Dana gets in as a borrower the servicer sent does: she asks for an activation link with her loan number.
        AccessPages access = new AccessPages(browser, base);
        assertThat(access.requestActivation(loan, email)).isEqualTo(Invitations.REQUEST_ANSWER);
        String invitation = AccessFixtures.awaitMail(email, "Activate your account");
        access.openEmailedLink(AccessFixtures.link(invitation, AccessNavigation.SET_FIRST_PASSWORD));
        assertThat(access.choosePassword(PASSWORD)).contains("Your account is active");
        new LoginPage(browser, base).loginAs(email, PASSWORD);
        browser.waitForPath("/accounts");
        assertThat(browser.bodyText()).contains(loan);

        // Her Summary shows the figures the API gave the servicer.
        AccountPage summary = new AccountPage(browser, base, loan).openSummary();
        assertThat(summary.figure("field-amount-due")).isEqualTo(dollars(amountDue));
        assertThat(summary.figure("field-payoff-amount")).isEqualTo(dollars(before.get("payoffAmount").decimalValue()));
        assertThat(summary.figure("field-principal-balance")).isEqualTo(dollars(before.get("principalBalance").decimalValue()));
        browser.screenshot("1-summary");

        // 3. She pays the amount due with the sandbox Visa, entered for this payment.
        PaymentPage pay = new PaymentPage(browser, base, loan).openFromSummary();
        assertThat(pay.amountDue()).contains(dollars(amountDue));
        pay.addCard("Dana Connect", CARD, cvv, "12207").review();
        assertThat(pay.reviewTotal()).contains(dollars(amountDue));
        String confirmation = pay.confirmAndWaitForReceipt();
        assertThat(confirmation).matches("PAY-[A-Z0-9]{8}");
        assertThat(pay.receiptStatus()).containsIgnoringCase("completed");
        browser.screenshot("2-receipt");
        JsonNode afterPayment = body(get("/api/v1/loans/" + loan + "/figures"), 200);

        // 4. The webhook job posts the payment's events to the servicer's receiver, signed.
        WebhookRun.deliverDue(context);
        ReceivedWebhook created = delivery("PAYMENT_CREATED", confirmation);
        ReceivedWebhook processed = delivery("PAYMENT_PROCESSED", confirmation);
        for (ReceivedWebhook delivery : List.of(created, processed)) {
            long timestamp = Long.parseLong(delivery.header("Portal-Timestamp"));
            assertThat(delivery.header("Portal-Signature")).as("HMAC-SHA256 over timestamp.body with the endpoint's secret")
                    .isEqualTo("v1=" + hmacSha256Hex(endpoint.secret(), timestamp + "." + delivery.body()));
            assertThat(Math.abs(timestamp - clock.instant().getEpochSecond())).as("fresh, not a replay").isLessThan(300);
            assertThat(delivery.header("Portal-Event-Id")).isEqualTo(json(delivery).get("eventId").asString());
            assertThat(delivery.body()).doesNotContain(CARD.replace(" ", ""), CARD);
            assertThat(new SecretScan(cvv).text("webhook", delivery.body()).findings()).as("no card number, no CVV").isEmpty();
        }
        JsonNode createdPayload = json(created).get("payload");
        assertThat(createdPayload.get("confirmationNumber").asString()).isEqualTo(confirmation);
        assertThat(createdPayload.get("loanNumber").asString()).isEqualTo(loan);
        assertThat(createdPayload.get("channel").asString()).isEqualTo("CARD");
        assertThat(createdPayload.get("methodLastFour").asString()).isEqualTo("4242");
        assertThat(createdPayload.get("amount").decimalValue()).isEqualByComparingTo(amountDue);
        JsonNode split = json(processed).get("payload");
        assertThat(split.get("principal").decimalValue().add(split.get("interest").decimalValue())
                .add(split.get("fees").decimalValue())).isEqualByComparingTo(amountDue);
        BigDecimal principalPaid = split.get("principal").decimalValue();
        assertThat(afterPayment.get("principalBalance").decimalValue()).as("reduced by the payment's principal")
                .isEqualByComparingTo(before.get("principalBalance").decimalValue().subtract(principalPaid));

        // 5. The feed from the servicer's cursor holds the same events: the same ids, and field for field what the
        // webhook said, so a servicer that takes both de-duplicates them.
        List<JsonNode> events = eventsAfter(cursor);
        assertThat(events).filteredOn(e -> e.get("aggregateId").asString().equals(confirmation))
                .extracting(e -> e.get("eventId").asString())
                .containsExactly(created.header("Portal-Event-Id"), processed.header("Portal-Event-Id"));
        for (ReceivedWebhook delivery : List.of(created, processed)) {
            assertThat(events).filteredOn(e -> e.get("eventId").asString().equals(delivery.header("Portal-Event-Id")))
                    .singleElement().isEqualTo(json(delivery));
        }

        // 6. The servicer echoes the payment as it posted it: matched to the portal's entry, not posted again.
        long rowsBefore = ledgerRows(loan);
        String echo = "{\"entries\":[{\"servicerId\":\"LP-E-" + RUN + "-3\",\"kind\":\"PAYMENT\",\"effectiveDate\":\""
                + split.get("applyDate").asString() + "\",\"amount\":" + createdPayload.get("amount").decimalValue()
                + ",\"principal\":" + principalPaid + ",\"interest\":" + split.get("interest").decimalValue()
                + ",\"fees\":" + split.get("fees").decimalValue() + ",\"reference\":\"" + confirmation
                + "\",\"description\":\"Payment received through the portal\"}]}";
        JsonNode matched = body(send("POST", "/api/v1/loans/" + loan + "/ledger-entries", echo), 200);
        assertThat(matched.get("posted").asInt()).isZero();
        assertThat(matched.get("matched").asInt()).isEqualTo(1);
        JsonNode match = matched.get("entries").get(0);
        assertThat(match.get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(match.get("repeat").asBoolean()).isFalse();
        assertThat(ledgerRows(loan)).as("nothing posted").isEqualTo(rowsBefore);
        assertThat(postingsOf(loan, confirmation)).as("the payment's ledger entry, once")
                .containsExactly(match.get("ledgerEntryId").asLong());
        assertThat(payments(loan)).as("two installments from the servicer and the portal's payment").isEqualTo(3);
        assertThat(body(get("/api/v1/loans/" + loan + "/figures"), 200)).as("the figures right after the payment")
                .isEqualTo(afterPayment);

        // A second identical echo answers with the first result and changes nothing.
        JsonNode again = body(send("POST", "/api/v1/loans/" + loan + "/ledger-entries", echo), 200);
        assertThat(again.get("repeated").asInt()).isEqualTo(1);
        assertThat(again.get("matched").asInt()).isZero();
        assertThat(again.get("entries").get(0).get("repeat").asBoolean()).isTrue();
        assertThat(again.get("entries").get(0).get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(again.get("entries").get(0).get("ledgerEntryId").asLong()).isEqualTo(match.get("ledgerEntryId").asLong());
        assertThat(ledgerRows(loan)).isEqualTo(rowsBefore);
        assertThat(body(get("/api/v1/loans/" + loan + "/figures"), 200)).isEqualTo(afterPayment);

        // 7. The servicer's nightly send: the same terms (frozen now, so they must compare unchanged) and its own
        // balance, the one before less the principal the webhook told it. Reconciliation finds the books agree.
        BigDecimal servicersBalance = before.get("principalBalance").decimalValue().subtract(principalPaid);
        JsonNode nightly = body(send("PUT", "/api/v1/loans/" + loan, """
                {"productCode":"PERSONAL","terms":{"principal":6000.00,"annualRatePercent":9.0,"numberOfPayments":12,
                 "startDate":"2026-09-15","firstDueDate":"2026-10-15"},"webAccess":true,
                 "servicerBalance":%s,"balanceAsOf":"%s"}""".formatted(servicersBalance.toPlainString(), TODAY)), 200);
        assertThat(nightly.get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(nightly.get("changed").toString()).isEqualTo("[\"servicerBalance\"]");
        SignIn.as(users, "staff@example.com");
        ReconciliationRunSummary run = reconciliation.runNow().orElseThrow();
        assertThat(reconciliation.differences(run.id(), 0, run.differing() + 1)).extracting(BalanceDifference::loanNumber)
                .doesNotContain(loan);
        SignIn.out();

        // And Dana's Summary shows the balance reduced once, with no "being updated" notice.
        summary.openSummary();
        assertThat(browser.driver().findElements(By.id("balance-review-notice"))).isEmpty();
        assertThat(summary.figure("field-principal-balance")).isEqualTo(dollars(afterPayment.get("principalBalance").decimalValue()));
        assertThat(summary.figure("field-payoff-amount")).isEqualTo(dollars(afterPayment.get("payoffAmount").decimalValue()));
        browser.screenshot("3-summary-after-echo");
    }

    /** An installment of the schedule as the servicer posts it: paid in full on its due date. */
    private static String servicerPayment(String servicerId, Installment installment) {
        return "{\"servicerId\":\"" + servicerId + "\",\"kind\":\"PAYMENT\",\"effectiveDate\":\"" + installment.dueDate()
                + "\",\"amount\":" + installment.payment() + ",\"principal\":" + installment.principal() + ",\"interest\":"
                + installment.interest() + ",\"fees\":0.00,\"description\":\"Payment " + installment.number() + "\"}";
    }

    /** The one delivery of this type about this payment. */
    private ReceivedWebhook delivery(String type, String confirmation) {
        List<ReceivedWebhook> found;
        synchronized (received) {
            found = received.stream().filter(r -> type.equals(r.header("Portal-Event-Type"))
                    && confirmation.equals(json(r).get("aggregateId").asString())).toList();
        }
        assertThat(found).as(type + " delivered to the receiver").hasSize(1);
        return found.getFirst();
    }

    /** Every event after the cursor, page by page, as a servicer pulls them. */
    private List<JsonNode> eventsAfter(long cursor) throws IOException, InterruptedException {
        List<JsonNode> events = new ArrayList<>();
        long after = cursor;
        for (int page = 0; page < 10; page++) {
            JsonNode body = body(get("/api/v1/events?after=" + after + "&limit=1000"), 200);
            if (body.get("events").isEmpty()) {
                return events;
            }
            body.get("events").forEach(events::add);
            after = body.get("next").asLong();
        }
        return events;
    }

    private long ledgerRows(String loanNumber) {
        return jdbc.sql("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = :n").param("n", loanNumber).query(Long.class).single();
    }

    private long payments(String loanNumber) {
        return jdbc.sql("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = :n and e.entry_type = 'PAYMENT'").param("n", loanNumber).query(Long.class).single();
    }

    /** The ledger entries of the loan that carry this confirmation number and are not reversals. */
    private List<Long> postingsOf(String loanNumber, String confirmation) {
        return jdbc.sql("select e.id from ledger_entries e join loan_accounts a on a.id = e.account_id "
                        + "where a.loan_number = :n and e.reference = :r and e.entry_type <> 'REVERSAL' order by e.id")
                .param("n", loanNumber).param("r", confirmation).query(Long.class).list();
    }

    /** Money as the Summary shows it in English: "$1,234.50". */
    private static String dollars(BigDecimal amount) {
        return "$" + new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US)).format(amount);
    }

    /** The receiver's own check of a signature, written from decision 029, not with the portal's class. */
    private static String hmacSha256Hex(String secret, String signed) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String outcome(HttpResponse<String> response, int status) {
        return body(response, status).get("outcome").asString();
    }

    private static JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return api.get(path, key);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return api.send(method, path, key, json);
    }

    private static JsonNode json(ReceivedWebhook delivery) {
        return JSON.readTree(delivery.body());
    }
}
