package io.borrowerportal.integration;

import io.borrowerportal.PortalTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.outbox.EventFeed;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servicing system's write endpoints and the event feed over real HTTP through the API's chain (issue #13,
 * decisions 028-030): success codes, every refusal as a problem detail naming the field as the servicing module named
 * it, the 409s, strict JSON, the write scope, the feed's cursor, and one payment end to end. Each test issues its own
 * client (the test profile allows 25 requests per client).
 */
@PortalTest
class ServicingApiTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    ApiClients apiClients;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;
    @Autowired
    EventFeed feed;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;

    private ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(port, json);
    }

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
        SignIn.out();
    }

    // --- customers ------------------------------------------------------------------------------------------------

    @Test
    void a_customer_is_created_with_201_then_unchanged_and_updated_with_200_naming_the_changed_fields() throws Exception {
        String key = issue(ApiScope.WRITE);
        String id = id("C");

        HttpResponse<String> created = api.put("/api/v1/customers/" + id, key, customer(id, "Pat"));
        HttpResponse<String> unchanged = api.put("/api/v1/customers/" + id, key, customer(id, "Pat"));
        HttpResponse<String> updated = api.put("/api/v1/customers/" + id, key, customer(id, "Patricia"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("outcome").asString()).isEqualTo("CREATED");
        assertThat(json.readTree(created.body()).get("key").asString()).isEqualTo(id);
        assertThat(unchanged.statusCode()).isEqualTo(200);
        assertThat(json.readTree(unchanged.body()).get("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(updated.body());
        assertThat(body.get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(body.get("changed").toString()).contains("firstName");
        assertThat(jdbc.sql("select count(*) from servicer_customers where external_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_refused_customer_is_a_422_problem_naming_each_field_as_the_service_named_it() throws Exception {
        String key = issue(ApiScope.WRITE);
        String id = id("C");

        HttpResponse<String> response = api.put("/api/v1/customers/" + id, key,
                "{\"firstName\":\"Pat\",\"lastName\":\"Doe\",\"email\":\"not-an-email\",\"status\":null}");

        JsonNode problem = api.problem(response, 422);
        assertThat(ApiCalls.fields(problem)).containsExactly("status", "email");
        assertThat(jdbc.sql("select count(*) from servicer_customers where external_id = :id").param("id", id)
                .query(Integer.class).single()).isZero();
    }

    // --- loans and borrowers --------------------------------------------------------------------------------------

    @Test
    void a_loan_and_its_borrowers_are_upserted_and_the_portals_figures_show_the_loan() throws Exception {
        String key = issue(ApiScope.WRITE);
        String customer = id("C");
        String loan = loanNumber();
        assertThat(api.put("/api/v1/customers/" + customer, key, customer(customer, "Pat")).statusCode()).isEqualTo(201);

        HttpResponse<String> created = api.put("/api/v1/loans/" + loan, key, loan("5000.00", "Red pickup"));
        HttpResponse<String> updated = api.put("/api/v1/loans/" + loan, key, loan("5000.00", "Blue pickup"));
        HttpResponse<String> borrowers = api.put("/api/v1/loans/" + loan + "/borrowers", key,
                "{\"borrowers\":[{\"externalId\":\"" + customer + "\",\"role\":\"BORROWER\"}]}");
        HttpResponse<String> figures = api.get("/api/v1/loans/" + loan + "/figures", key);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).get("changed").toString()).contains("collateralDescription");
        assertThat(borrowers.statusCode()).as(borrowers.body()).isIn(200, 201);
        assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
        assertThat(json.readTree(figures.body()).get("principalBalance").decimalValue()).isEqualByComparingTo("5000.00");
    }

    @Test
    void refused_loans_and_borrowers_are_422_problems_naming_the_fields() throws Exception {
        String key = issue(ApiScope.WRITE);
        String loan = loanNumber();

        JsonNode terms = api.problem(api.put("/api/v1/loans/" + loan, key, "{\"productCode\":\"NO-SUCH\",\"terms\":"
                + "{\"principal\":-1,\"annualRatePercent\":9,\"numberOfPayments\":12,\"startDate\":\"2026-01-15\","
                + "\"firstDueDate\":\"2026-02-15\"}}"), 422);
        assertThat(api.put("/api/v1/loans/" + loan, key, loan("5000.00", null)).statusCode()).isEqualTo(201);
        JsonNode unknownCustomer = api.problem(api.put("/api/v1/loans/" + loan + "/borrowers", key,
                "{\"borrowers\":[{\"externalId\":\"NOBODY-" + RUN + "\",\"role\":\"BORROWER\"}]}"), 422);
        JsonNode unknownLoan = api.problem(api.put("/api/v1/loans/NOPE-" + RUN + "/borrowers", key,
                "{\"borrowers\":[]}"), 422);

        assertThat(ApiCalls.fields(terms)).containsExactly("productCode", "terms.principal");
        assertThat(ApiCalls.fields(unknownCustomer)).containsExactly("borrowers[0].externalId");
        assertThat(ApiCalls.fields(unknownLoan)).contains("loanNumber");
    }

    // --- ledger entries -------------------------------------------------------------------------------------------

    @Test
    void a_batch_is_posted_then_answered_as_repeats_and_a_changed_entry_is_a_409() throws Exception {
        String key = issue(ApiScope.WRITE);
        String loan = loanNumber();
        assertThat(api.put("/api/v1/loans/" + loan, key, loan("5000.00", null)).statusCode()).isEqualTo(201);
        String batch = "{\"entries\":[" + fee("F1", "25.00") + "," + fee("F2", "10.00") + "]}";
        long rows = ledgerRows(loan);

        HttpResponse<String> posted = api.post("/api/v1/loans/" + loan + "/ledger-entries", key, batch);
        HttpResponse<String> repeated = api.post("/api/v1/loans/" + loan + "/ledger-entries", key, batch);
        HttpResponse<String> conflict = api.post("/api/v1/loans/" + loan + "/ledger-entries", key,
                "{\"entries\":[" + fee("F1", "30.00") + "]}");

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode first = json.readTree(posted.body());
        assertThat(first.get("posted").asLong()).isEqualTo(2);
        assertThat(first.get("entries").get(0).get("outcome").asString()).isEqualTo("POSTED");
        assertThat(first.get("entries").get(1).get("servicerId").asString()).isEqualTo("F2");
        JsonNode again = json.readTree(repeated.body());
        assertThat(again.get("repeated").asLong()).isEqualTo(2);
        assertThat(again.get("entries").get(0).get("repeat").asBoolean()).isTrue();
        assertThat(again.get("entries").get(0).get("ledgerEntryId").asLong())
                .isEqualTo(first.get("entries").get(0).get("ledgerEntryId").asLong());
        assertThat(ApiCalls.fields(api.problem(conflict, 409))).containsExactly("entries[0].servicerId");
        assertThat(ledgerRows(loan)).isEqualTo(rows + 2);
    }

    @Test
    void a_refused_batch_names_the_row_and_field_and_writes_nothing_and_an_unknown_loan_is_named() throws Exception {
        String key = issue(ApiScope.WRITE);
        String loan = loanNumber();
        assertThat(api.put("/api/v1/loans/" + loan, key, loan("5000.00", null)).statusCode()).isEqualTo(201);
        long rows = ledgerRows(loan);
        String badSplit = "{\"servicerId\":\"F2\",\"kind\":\"FEE\",\"effectiveDate\":\"2026-02-24\",\"amount\":1.00,"
                + "\"principal\":0,\"interest\":0,\"fees\":2.00}";

        JsonNode refused = api.problem(api.post("/api/v1/loans/" + loan + "/ledger-entries", key,
                "{\"entries\":[" + fee("F1", "25.00") + "," + badSplit + "]}"), 422);
        JsonNode unknown = api.problem(api.post("/api/v1/loans/NOPE-" + RUN + "/ledger-entries", key,
                "{\"entries\":[" + fee("F1", "25.00") + "]}"), 422);
        JsonNode empty = api.problem(api.post("/api/v1/loans/" + loan + "/ledger-entries", key, "{\"entries\":[]}"), 400);

        assertThat(ApiCalls.fields(refused)).allSatisfy(field -> assertThat(field).startsWith("entries[1]."));
        assertThat(ApiCalls.fields(refused)).isNotEmpty();
        assertThat(ApiCalls.fields(unknown)).containsExactly("loanNumber");
        assertThat(ApiCalls.fields(empty)).containsExactly("entries");
        assertThat(ledgerRows(loan)).isEqualTo(rows);
    }

    // --- loan products --------------------------------------------------------------------------------------------

    @Test
    void a_product_is_created_with_201_listed_to_a_read_key_and_a_loan_may_name_it() throws Exception {
        String key = issue(ApiScope.WRITE);
        String code = "API-" + RUN + "-" + NEXT.incrementAndGet();

        HttpResponse<String> created = api.put("/api/v1/products/" + code, key, product("Boat loan", "ACTUAL_365"));
        HttpResponse<String> unchanged = api.put("/api/v1/products/" + code, key, product("Boat loan", "ACTUAL_365"));
        HttpResponse<String> renamed = api.put("/api/v1/products/" + code, key, product("Marine loan", "ACTUAL_365"));
        HttpResponse<String> loan = api.put("/api/v1/loans/" + loanNumber(), key, loan("5000.00", null).replace("HOME", code));
        HttpResponse<String> listed = api.get("/api/v1/products", issue(ApiScope.READ));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("key").asString()).isEqualTo(code);
        assertThat(json.readTree(unchanged.body()).get("outcome").asString()).isEqualTo("UNCHANGED");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(renamed.body()).get("changed").toString()).isEqualTo("[\"name\"]");
        assertThat(loan.statusCode()).as(loan.body()).isEqualTo(201);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode product : json.readTree(listed.body()).get("products")) {
            if (product.get("code").asString().equals(code)) {
                mine = product;
            }
        }
        assertThat(mine).as(listed.body()).isNotNull();
        assertThat(mine.get("name").asString()).isEqualTo("Marine loan");
        assertThat(mine.get("defaultAnnualRatePercent").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(mine.get("dayCount").asString()).isEqualTo("ACTUAL_365");
        assertThat(mine.get("loansBooked").asLong()).isEqualTo(1);
    }

    @Test
    void changing_the_day_count_of_a_product_with_loans_is_a_409_naming_the_field_and_changes_nothing() throws Exception {
        String key = issue(ApiScope.WRITE);
        String code = "API-" + RUN + "-" + NEXT.incrementAndGet();
        assertThat(api.put("/api/v1/products/" + code, key, product("Boat loan", "ACTUAL_365")).statusCode()).isEqualTo(201);
        assertThat(api.put("/api/v1/loans/" + loanNumber(), key, loan("5000.00", null).replace("HOME", code)).statusCode())
                .isEqualTo(201);

        JsonNode conflict = api.problem(api.put("/api/v1/products/" + code, key, product("Boat loan", "THIRTY_360")), 409);

        assertThat(ApiCalls.fields(conflict)).containsExactly("dayCount");
        assertThat(conflict.get("errors").get(0).get("message").asString()).contains("stays ACTUAL_365");
        assertThat(jdbc.sql("select day_count from loan_products where code = :c").param("c", code).query(String.class)
                .single()).isEqualTo("ACTUAL_365");
    }

    @Test
    void a_refused_product_is_a_422_naming_each_field_and_an_unknown_day_count_a_400_naming_it() throws Exception {
        String key = issue(ApiScope.WRITE);
        long before = jdbc.sql("select count(*) from loan_products").query(Long.class).single();

        JsonNode refused = api.problem(api.put("/api/v1/products/auto-" + RUN, key, "{\"name\":\"\",\"defaultAnnualRatePercent\":"
                + "-1,\"defaultNumberOfPayments\":0,\"paymentFrequency\":\"MONTHLY\",\"dayCount\":\"THIRTY_360\"}"), 422);
        JsonNode unknown = api.problem(api.put("/api/v1/products/P" + RUN, key, product("Boat loan", "ACTUAL_360")), 400);

        assertThat(ApiCalls.fields(refused)).containsExactly("code", "name", "defaultAnnualRatePercent",
                "defaultNumberOfPayments", "collateralized");
        assertThat(ApiCalls.fields(unknown)).containsExactly("dayCount");
        assertThat(jdbc.sql("select count(*) from loan_products").query(Long.class).single()).isEqualTo(before);
    }

    // --- strict JSON and scope ------------------------------------------------------------------------------------

    @Test
    void unknown_fields_and_malformed_json_are_refused_on_every_write() throws Exception {
        String key = issue(ApiScope.WRITE);
        List<String[]> writes = writes();
        for (String[] write : writes) {
            HttpResponse<String> unknown = api.send(write[0], write[1], key, "{\"pastDewAmount\":1}");
            HttpResponse<String> malformed = api.send(write[0], write[1], key, "{\"entries\":[");
            assertThat(ApiCalls.fields(api.problem(unknown, 400))).as(write[1]).containsExactly("pastDewAmount");
            assertThat(api.problem(malformed, 400).get("title").asString()).as(write[1]).isEqualTo("Malformed JSON");
        }
    }

    @Test
    void a_read_key_is_refused_with_403_on_every_write() throws Exception {
        String key = issue(ApiScope.READ);
        for (String[] write : writes()) {
            assertThat(api.problem(api.send(write[0], write[1], key, "{}"), 403).get("detail").asString()).as(write[1])
                    .isEqualTo(ApiSecurityConfiguration.READ_ONLY);
        }
    }

    // --- the event feed -------------------------------------------------------------------------------------------

    @Test
    void a_bad_cursor_or_limit_is_a_400_problem_naming_the_parameter() throws Exception {
        String key = issue(ApiScope.READ);

        assertThat(ApiCalls.fields(api.problem(api.get("/api/v1/events?after=abc", key), 400))).containsExactly("after");
        assertThat(ApiCalls.fields(api.problem(api.get("/api/v1/events?after=-1", key), 400))).containsExactly("after");
        assertThat(ApiCalls.fields(api.problem(api.get("/api/v1/events?limit=0", key), 400))).containsExactly("limit");
        assertThat(ApiCalls.fields(api.problem(api.get("/api/v1/events?limit=1001", key), 400))).containsExactly("limit");
        assertThat(api.get("/api/v1/events?limit=1", key).statusCode()).as("after defaults to 0").isEqualTo(200);
    }

    /**
     * End to end: a borrower pays in the portal, the payment's events come through the feed in order page by page,
     * the servicer echoes the payment with its confirmation number, and the echo is matched, not posted again.
     */
    @Test
    void a_portal_payment_is_in_the_feed_and_its_echo_through_the_api_is_matched_not_posted_twice() throws Exception {
        String key = issue(ApiScope.WRITE);
        SignIn.as(users, "admin@example.com");
        long cursor = feed.latestCursor();
        SignIn.out();
        PaymentFixtures.Borrower borrower = PaymentFixtures.borrower(customers, servicing, "api-echo");
        SignIn.as(users, borrower.email());
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        PaymentSummary paid = payments.submit(PaymentFixtures.custom(borrower.loanNumber(), "50.00", card));
        SignIn.out();
        assertThat(paid.status()).isEqualTo(PaymentStatus.COMPLETED);

        List<JsonNode> events = new ArrayList<>();
        long previous = cursor;
        for (int page = 0; page < 10; page++) {
            JsonNode body = json.readTree(api.get("/api/v1/events?after=" + previous + "&limit=1", key).body());
            if (body.get("events").isEmpty()) {
                assertThat(body.get("next").asLong()).as("an empty page keeps the cursor").isEqualTo(previous);
                break;
            }
            JsonNode event = body.get("events").get(0);
            assertThat(event.get("sequence").asLong()).isGreaterThan(previous);
            assertThat(body.get("next").asLong()).isEqualTo(event.get("sequence").asLong());
            assertThat(event.get("payload").isObject()).as("the payload is a JSON object, not a string").isTrue();
            assertThat(event.get("eventId").asString()).isNotBlank();
            events.add(event);
            previous = body.get("next").asLong();
        }
        assertThat(events).anySatisfy(event -> {
            assertThat(event.get("type").asString()).startsWith("PAYMENT_");
            assertThat(event.get("aggregateId").asString()).isEqualTo(paid.confirmationNumber());
        });

        long rows = ledgerRows(borrower.loanNumber());
        LocalDate date = paid.applyDate().isAfter(LocalDate.of(2026, 12, 10)) ? LocalDate.of(2026, 12, 10) : paid.applyDate();
        String echo = "{\"entries\":[{\"servicerId\":\"LP-" + paid.confirmationNumber() + "\",\"kind\":\"PAYMENT\","
                + "\"effectiveDate\":\"" + date + "\",\"amount\":" + paid.amount() + ",\"principal\":" + paid.principal()
                + ",\"interest\":" + paid.interest() + ",\"fees\":" + paid.fees() + ",\"reference\":\""
                + paid.confirmationNumber() + "\",\"description\":\"Payment received through the portal\"}]}";
        HttpResponse<String> matched = api.post("/api/v1/loans/" + borrower.loanNumber() + "/ledger-entries", key, echo);
        HttpResponse<String> again = api.post("/api/v1/loans/" + borrower.loanNumber() + "/ledger-entries", key, echo);

        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(200);
        assertThat(json.readTree(matched.body()).get("entries").get(0).get("outcome").asString()).isEqualTo("MATCHED");
        assertThat(json.readTree(matched.body()).get("matched").asLong()).isEqualTo(1);
        assertThat(json.readTree(again.body()).get("entries").get(0).get("repeat").asBoolean()).isTrue();
        assertThat(ledgerRows(borrower.loanNumber())).as("no second posting").isEqualTo(rows);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private List<String[]> writes() {
        String loan = "/api/v1/loans/" + loanNumber();
        return List.of(new String[] {"PUT", "/api/v1/customers/" + id("C")}, new String[] {"PUT", loan},
                new String[] {"PUT", loan + "/borrowers"}, new String[] {"POST", loan + "/ledger-entries"},
                new String[] {"PUT", "/api/v1/products/" + id("P")});
    }

    private static String customer(String id, String firstName) {
        return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"Lender\",\"email\":\"api." + id.toLowerCase()
                + "@example.com\",\"phone\":\"5185550100\",\"streetLine1\":\"1 Main Street\",\"city\":\"Albany\","
                + "\"state\":\"NY\",\"zip\":\"12207\",\"status\":\"ACTIVE\"}";
    }

    private static String loan(String principal, String collateral) {
        return "{\"productCode\":\"HOME\",\"terms\":{\"principal\":" + principal + ",\"annualRatePercent\":9.0,"
                + "\"numberOfPayments\":12,\"startDate\":\"2026-01-15\",\"firstDueDate\":\"2026-02-15\"}"
                + (collateral == null ? "" : ",\"collateralDescription\":\"" + collateral + "\"") + "}";
    }

    private static String product(String name, String dayCount) {
        return "{\"name\":\"" + name + "\",\"defaultAnnualRatePercent\":8.5,\"defaultNumberOfPayments\":84,"
                + "\"paymentFrequency\":\"MONTHLY\",\"dayCount\":\"" + dayCount + "\",\"collateralized\":true}";
    }

    private static String fee(String id, String amount) {
        return "{\"servicerId\":\"" + id + "\",\"kind\":\"FEE\",\"effectiveDate\":\"2026-02-24\",\"amount\":" + amount
                + ",\"principal\":0,\"interest\":0,\"fees\":" + amount + ",\"description\":\"Late fee\"}";
    }

    private static String id(String prefix) {
        return prefix + RUN + "-" + NEXT.incrementAndGet();
    }

    private static String loanNumber() {
        return "API-" + RUN + "-" + NEXT.incrementAndGet();
    }

    private long ledgerRows(String loanNumber) {
        return jdbc.sql("select count(*) from ledger_entries e join loan_accounts a on a.id = e.account_id "
                + "where a.loan_number = :n").param("n", loanNumber).query(Long.class).single();
    }

    private String issue(ApiScope scope) {
        return ApiCalls.issue(apiClients, users, scope, null).key();
    }
}
