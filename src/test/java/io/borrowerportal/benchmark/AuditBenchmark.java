package io.borrowerportal.benchmark;

import io.borrowerportal.SignIn;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditFilter;
import io.borrowerportal.audit.AuditLog;
import io.borrowerportal.audit.BenchmarkAuditChain;
import io.borrowerportal.audit.ChainCheck;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The audit log viewer on a million audit rows ({@code ./mvnw -q -Pbenchmark test-compile exec:exec@audit-benchmark},
 * or with the rest by {@code ./mvnw -q -Pbenchmark verify}), in a 256 MB JVM of its own: server time of the first page
 * (admin and staff, who read through the role rule), the capped count, a customer + date-range page, a page 9,950
 * rows in; the EXPLAIN of those queries; a CSV export of 100,000 rows with the heap it takes; and the chain check
 * over every row. The rows are written in bulk (multi-row INSERTs) but chained with the context's key, so the check
 * runs over a valid chain. Numbers, not a test: nothing here passes or fails on time.
 */
public final class AuditBenchmark {

    static final int ROWS = Integer.getInteger("portal.bench.audit.rows", 1_000_000);
    static final int CUSTOMERS = 10_000;
    /** A customer with one row in fifty: 20,000 rows over the year, so a date range has hundreds to choose from. */
    static final long BUSY_CUSTOMER = 1;
    static final long TYPICAL_CUSTOMER = 4_242;
    static final LocalDate TODAY = LocalDate.parse("2026-12-10");
    static final Instant FIRST = Instant.parse("2025-12-10T05:00:00Z");
    static final double PAGE_GOAL_MS = 200;
    static final int WARMUP = 30;
    static final int CALLS = 100;

    private static final AuditAction[] CUSTOMER_ACTIONS = {AuditAction.LOGIN_SUCCEEDED, AuditAction.PAYMENT_SUBMITTED,
            AuditAction.PROFILE_CHANGED, AuditAction.DOCUMENT_UPLOADED, AuditAction.PREFERENCE_CHANGED, AuditAction.LOGOUT,
            AuditAction.PAYOFF_QUOTE_ISSUED, AuditAction.AUTOPAY_RUN};
    private static final AuditAction[] STAFF_ACTIONS = {AuditAction.LOGIN_SUCCEEDED, AuditAction.SECOND_FACTOR_VERIFIED,
            AuditAction.LOGOUT, AuditAction.DOCUMENT_CATEGORY_CHANGED};

    private static volatile long sink;

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Audit log viewer benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AuditLog log = context.getBean(AuditLog.class);
            System.out.printf(Locale.ROOT, "Heap in use after start-up (after System.gc()): %d MB%n", heapInUseMegabytes());
            fill(context, jdbc);
            System.out.printf(Locale.ROOT, "Heap in use after the fill (after System.gc()): %d MB%n%n", heapInUseMegabytes());
            as(Role.ADMIN);
            pages(log);
            explain(jdbc);
            as(Role.ADMIN);
            export(log);
            export(log);
            chain(log);
            SignIn.out();
        }
        System.out.printf(Locale.ROOT, "%nsink=%d%n", sink);
    }

    /** Signs in an admin or a staff member on this thread, as a completed sign-in would (no staff row is needed). */
    static void as(String role) {
        PortalUser user = new PortalUser(1, role, "bench." + role.toLowerCase(Locale.ROOT) + "@example.com",
                "Bench " + role, null, true, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    /** A year of rows, oldest first, with times rising with the id as the service writes them. */
    private static void fill(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        BenchmarkAuditChain chain = new BenchmarkAuditChain(context);
        long span = Duration.between(FIRST, TODAY.atStartOfDay(ZoneOffset.UTC).toInstant()).toMillis();
        int perStatement = 1_000;
        StringBuilder sql = new StringBuilder("insert into audit_events (occurred_at, actor, actor_role, customer_id, "
                + "customer, loan_number, action, detail, prev_hash, hash, hash_scheme) values ");
        for (int i = 0; i < perStatement; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?)");
        }
        String insert = sql.toString();
        long start = System.nanoTime();
        List<Object> args = new ArrayList<>(perStatement * 11);
        for (int i = 0; i < ROWS; i++) {
            Instant at = FIRST.plusMillis(span * i / ROWS);
            Object[] row = row(i, at);
            Object[] link = chain.next(at, (String) row[0], (String) row[1], (Long) row[2], (String) row[3],
                    (String) row[4], (AuditAction) row[5], (String) row[6]);
            args.add(Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
            args.add(row[0]);
            args.add(row[1]);
            args.add(row[2]);
            args.add(row[3]);
            args.add(row[4]);
            args.add(((AuditAction) row[5]).name());
            args.add(row[6]);
            args.add(link[0]);
            args.add(link[1]);
            args.add(link[2]);
            if (args.size() == perStatement * 11) {
                jdbc.update(insert, args.toArray());
                args.clear();
            }
        }
        if (!args.isEmpty()) {
            throw new IllegalStateException("portal.bench.audit.rows must be a multiple of " + perStatement);
        }
        jdbc.update("update audit_chain_head set last_hash = ? where id = 1", chain.head());
        jdbc.execute("analyze table audit_events");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Filled %,d audit rows (chained with the context's key) in %.1f s, %,.0f rows/s%n%n",
                ROWS, seconds, ROWS / seconds);
    }

    /** actor, role, customer id, customer, loan, action, detail. */
    private static Object[] row(int i, Instant at) {
        if (i % 5 == 1) {
            String staff = "staff-" + (i % 40) + "@lender.example";
            return new Object[] {staff, "STAFF", null, null, null, STAFF_ACTIONS[(i / 5) % STAFF_ACTIONS.length],
                    "Signed in from 203.0.113." + (i % 250) + " (benchmark row " + i + ")"};
        }
        long customer = i % 50 == 3 ? BUSY_CUSTOMER : 1 + Math.floorMod(i * 7919L, CUSTOMERS);
        AuditAction action = i % 10 == 0 ? AuditAction.PAYMENT_COMPLETED
                : CUSTOMER_ACTIONS[Math.floorMod(i * 31, CUSTOMER_ACTIONS.length)];
        if (action == AuditAction.PAYMENT_COMPLETED && i % 10 != 0) {
            action = AuditAction.PAYMENT_SUBMITTED;
        }
        String email = "customer-" + customer + "@example.com";
        return new Object[] {email, "CUSTOMER", customer, email, String.format(Locale.ROOT, "BN-%06d", customer), action,
                "Payment CONF-" + i + " of $125.00 from Checking ****9012 (benchmark row)"};
    }

    private static void pages(AuditLog log) {
        AuditFilter none = AuditFilter.NONE;
        AuditFilter june = new AuditFilter(TYPICAL_CUSTOMER, null, null, null, LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-30"));
        AuditFilter busyJune = new AuditFilter(BUSY_CUSTOMER, null, null, null, LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-30"));
        AuditFilter busyYear = new AuditFilter(BUSY_CUSTOMER, null, null, null, LocalDate.parse("2025-12-10"), TODAY);
        System.out.printf(Locale.ROOT, "Server time of AuditLog calls on %,d rows (%d warm-up calls, %d timed calls each); "
                + "page(..., 0, 50) also records the view (one audit row, its own transaction)%n", ROWS, WARMUP, CALLS);
        header();
        timed("first page, admin, no filter", () -> log.page(none, 0, 50), true);
        timed("count, admin, no filter (capped at " + (AuditLog.COUNT_CAP + 1) + ")", () -> log.count(none), false);
        timed("first page, customer + June (" + log.count(june) + " rows match)", () -> log.page(june, 0, 50), true);
        timed("count, customer + June", () -> log.count(june), false);
        timed("first page, busy customer + June (" + log.count(busyJune) + " match)", () -> log.page(busyJune, 0, 50), true);
        timed("count, busy customer + June", () -> log.count(busyJune), false);
        timed("first page, busy customer + a year", () -> log.page(busyYear, 0, 50), true);
        timed("count, busy customer + a year (capped)", () -> log.count(busyYear), false);
        timed("page 9,950 rows in, admin, no filter", () -> log.page(none, 9_950, 50), false);
        timed("first page, action PAYMENT_COMPLETED", () -> log.page(
                new AuditFilter(null, null, null, AuditAction.PAYMENT_COMPLETED, null, null), 0, 50), false);
        as(Role.STAFF);
        timed("first page, staff (role rule), no filter", () -> log.page(none, 0, 50), true);
        timed("count, staff (role rule), no filter", () -> log.count(none), false);
        System.out.println();
    }

    /** What MariaDB plans for the viewer's queries, as AuditRows writes them. */
    private static void explain(JdbcTemplate jdbc) {
        String columns = "select id, occurred_at, actor, actor_role, customer_id, customer, loan_number, action, detail, "
                + "prev_hash, hash, hash_scheme from audit_events";
        Map<String, String> queries = Map.of(
                "first page", columns + " where 1 = 1 order by occurred_at desc, id desc limit 50 offset 0",
                "first page, staff", columns + " where 1 = 1 and (customer_id is not null or loan_number is not null)"
                        + " order by occurred_at desc, id desc limit 50 offset 0",
                "customer + date range", columns + " where 1 = 1 and customer_id = " + BUSY_CUSTOMER
                        + " and occurred_at >= '2026-06-01 04:00:00' and occurred_at < '2026-07-01 04:00:00'"
                        + " order by occurred_at desc, id desc limit 50 offset 0",
                "capped count, no filter", "select count(*) from (select 1 from audit_events where 1 = 1 limit 10001) capped");
        System.out.println("EXPLAIN (table, type, key, rows, Extra)");
        queries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(query -> {
            for (Map<String, Object> plan : jdbc.queryForList("explain " + query.getValue())) {
                System.out.printf(Locale.ROOT, "  %-24s %-10s %-7s %-26s %9s  %s%n", query.getKey(), plan.get("table"),
                        plan.get("type"), plan.get("key"), plan.get("rows"), plan.get("Extra"));
            }
        });
        System.out.println();
    }

    private static void export(AuditLog log) {
        AuditFilter payments = new AuditFilter(null, null, null, AuditAction.PAYMENT_COMPLETED, null, null);
        CountingStream out = new CountingStream();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long rows;
        try (HeapSampler sampler = HeapSampler.start()) {
            rows = log.exportCsv(payments, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "CSV export, action PAYMENT_COMPLETED: %,d rows, %.1f MB in %.2f s (%,.0f rows/s)%n",
                    rows, out.bytes / 1048576.0, seconds, rows / seconds);
            System.out.printf(Locale.ROOT, "  heap: %d MB in use before (after System.gc()); peak %d MB (pools' peak, garbage included; sampled "
                            + "peak %d MB) in a JVM of at most %d MB: growth %d MB for a %.0f MB file%n%n",
                    before >> 20, peak >> 20, sampler.peakMegabytes(), Runtime.getRuntime().maxMemory() >> 20,
                    (peak - before) >> 20, out.bytes / 1048576.0);
        }
        sink += rows;
    }

    private static long heapInUseMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void chain(AuditLog log) {
        long start = System.nanoTime();
        ChainCheck check = log.verifyChain();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Verify chain: %s, %,d entries in %.1f s (%,.0f entries/s)%n",
                check.intact() ? "intact" : "broken at " + check.brokenEntryId() + ": " + check.problem(),
                check.entriesChecked(), seconds, check.entriesChecked() / seconds);
    }

    private static void header() {
        System.out.printf(Locale.ROOT, "  %-52s %9s %9s %9s %9s%n", "call", "p50 ms", "p95 ms", "max ms", "");
    }

    private static void timed(String name, Supplier<Object> call, boolean goal) {
        for (int i = 0; i < WARMUP; i++) {
            sink += call.get().hashCode();
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            Object result = call.get();
            nanos[i] = System.nanoTime() - start;
            sink += result.hashCode();
        }
        Arrays.sort(nanos);
        double p95 = nanos[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6;
        System.out.printf(Locale.ROOT, "  %-52s %9.2f %9.2f %9.2f %s%n", name, nanos[CALLS / 2] / 1e6, p95,
                nanos[CALLS - 1] / 1e6, goal ? (p95 <= PAGE_GOAL_MS ? "p95 goal <= 200 ms (met)" : "p95 goal <= 200 ms (NOT met)") : "");
    }

    /** Counts what the export writes and keeps none of it, as a client reading the download would. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
