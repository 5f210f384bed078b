package io.borrowerportal.benchmark;

import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.security.SystemTask;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node the load test (decision 042) drives: the whole application in production mode on a fresh MariaDB schema,
 * in the load generator's JVM, with a book of customers who each have a 30-year loan a year in and a sandbox card on
 * file, added the way a customer adds one. It also keeps the figures the simulation reports besides Gatling's own:
 * the CPU of the node's request threads, of the load generator and of MariaDB, heap, and the payments in the
 * database.
 */
final class LoadTarget implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.parse("2036-06-15");
    static final String PASSWORD = "load-password-1";

    record Customer(String email, String loanNumber) {
    }

    private final ConfigurableApplicationContext context;
    private final List<Customer> customers;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "load-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long peakHeap;
    private long startNanos;
    private long startProcessCpu;
    private long startMariaDbTicks;
    private final Map<Long, Long> startThreadCpu = new ConcurrentHashMap<>();

    private LoadTarget(ConfigurableApplicationContext context, List<Customer> customers) {
        this.context = context;
        this.customers = customers;
    }

    /** Starts the node and books {@code count} customers. */
    static LoadTarget start(int count) {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Load target: java.version=%s, processors=%d, max heap=%d MB, database=%s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        long started = System.nanoTime();
        // Every session signs in from 127.0.0.1, and the sign-in limit is per address.
        ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY,
                "--portal.rate-limits.sign-in.capacity=100000");
        List<Customer> customers = book(context, count);
        System.out.printf(Locale.ROOT, "Load target: %d customers booked, node ready in %.0f s%n", customers.size(),
                (System.nanoTime() - started) / 1e9);
        return new LoadTarget(context, customers);
    }

    String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    List<Customer> customers() {
        return customers;
    }

    long payments() {
        Long count = context.getBean(JdbcTemplate.class).queryForObject("select count(*) from payments", Long.class);
        return count == null ? 0 : count;
    }

    /** From now on: CPU and heap, sampled every second. */
    void startSampling() {
        startNanos = System.nanoTime();
        startProcessCpu = processCpuNanos();
        startMariaDbTicks = mariaDbTicks();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (long id : threads.getAllThreadIds()) {
            startThreadCpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        sampler.scheduleAtFixedRate(() -> peakHeap = Math.max(peakHeap,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()), 0, 1, TimeUnit.SECONDS);
    }

    /** The figures since {@link #startSampling()}, as lines for the report. */
    List<String> report(int sessionsHeld) {
        sampler.shutdownNow();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cores = Runtime.getRuntime().availableProcessors();
        long process = processCpuNanos() - startProcessCpu;
        long node = 0;
        long generator = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = Math.max(0, threads.getThreadCpuTime(info.getThreadId())) - startThreadCpu.getOrDefault(info.getThreadId(), 0L);
            String name = info.getThreadName();
            if (name.startsWith("http-nio")) {
                node += cpu;
            } else if (name.startsWith("gatling")) {
                generator += cpu;
            }
        }
        long mariaDb = mariaDbTicks() - startMariaDbTicks;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "over %.0f s on %d cores (100%% = both cores busy):", seconds, (int) cores));
        lines.add(String.format(Locale.ROOT, "  this JVM (node + load generator): %.0f%% CPU; of it the node's request threads %.0f%%, "
                        + "the load generator's threads %.0f%%, the rest (GC, JIT, other threads) %.0f%%",
                share(process, seconds, cores), share(node, seconds, cores), share(generator, seconds, cores),
                share(process - node - generator, seconds, cores)));
        lines.add(mariaDb < 0 ? "  MariaDB: CPU not readable (no mariadbd in /proc)"
                : String.format(Locale.ROOT, "  MariaDB: %.0f%% CPU", share(mariaDb * 10_000_000L, seconds, cores)));
        lines.add(String.format(Locale.ROOT, "heap: peak used %d MB of %d MB; after a full collection with %d sessions held: %d MB",
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, sessionsHeld, heapAfterGc() >> 20));
        return lines;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        context.close();
    }

    private static double share(long nanos, double seconds, double cores) {
        return 100.0 * nanos / 1e9 / seconds / cores;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** MariaDB's user and system CPU in clock ticks (1/100 s), from /proc; -1 where it cannot be read. */
    private static long mariaDbTicks() {
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String comm = Files.readString(entry.resolve("comm")).strip();
                    if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                        String stat = Files.readString(entry.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // A process that ended while being read, or one not ours to read.
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * Customers with a 30-year loan twelve payments in and a Visa on file (the sandbox approves 4242...), each linked
     * to their own loan. The card is added as the customer adds it: signed in, through the service, tokenized.
     */
    private static List<Customer> book(ConfigurableApplicationContext context, int count) {
        CustomerService customerService = context.getBean(CustomerService.class);
        LoanServicing servicing = context.getBean(LoanServicing.class);
        PaymentProfileService profiles = context.getBean(PaymentProfileService.class);
        UserDetailsService users = context.getBean(UserDetailsService.class);
        List<Customer> booked = SystemTask.call(() -> {
            BenchmarkLoans.defineHomeProduct(servicing);
            List<Customer> made = new ArrayList<>();
            LocalDate start = TODAY.minusYears(1).minusMonths(1);
            for (int i = 0; i < count; i++) {
                String email = String.format(Locale.ROOT, "load.%04d@example.com", i);
                // One bcrypt hash (0.25 s each at cost 12) for all: the others are made without a password, then given
                // the first one's hash and status below, which is what creating each with the password would store.
                long id = customerService.create(email, "Load", "Borrower " + i, "+1 555 0" + (300 + i),
                        i == 0 ? PASSWORD : null);
                String loan = BenchmarkLoans.openHomeLoan(servicing, String.format(Locale.ROOT, "LOAD-%04d", i), id, start, 12);
                made.add(new Customer(email, loan));
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Map<String, Object> first = jdbc.queryForMap("select password_hash, status from customers where email = ?",
                    made.getFirst().email());
            jdbc.update("update customers set password_hash = ?, status = ? where email like 'load.%'",
                    first.get("password_hash"), first.get("status"));
            return made;
        });
        for (Customer customer : booked) {
            SignIn.as(users, customer.email());
            try {
                profiles.addCard(new NewCardProfile("Load Visa", "Load Borrower", "4242 4242 4242 4242", 8,
                        TODAY.getYear() + 3, "123", "19801", true));
            } finally {
                SignIn.out();
            }
        }
        return booked;
    }
}
