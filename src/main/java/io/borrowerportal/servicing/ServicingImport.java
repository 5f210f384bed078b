package io.borrowerportal.servicing;

import io.borrowerportal.access.Invitations;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.ProductInUseException;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.common.LoanNumber;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk CSV import of the servicing system's data (issue #13 part 3, decision 031), built on the servicing
 * services so every rule of decision 030 applies to a file as it does to the API. The files are first read through
 * once (encoding, header, CSV syntax, the order of the rows): a file that fails is refused whole and nothing is
 * written. Then the loan products of the optional products.csv go in, each on its own (decision 034), since loans
 * name them; a loan naming a refused product is refused. Then each loan goes in whole or not at all: the customers
 * its borrowers name, the loan, its borrowers and its entries; a refused row refuses its loan only. Loans are
 * committed a chunk at a time (decision 033): a chunk in which any loan is refused is rolled back and its loans go
 * again one transaction each. A dry run does the same work and rolls every transaction back. The services are
 * idempotent, so a rerun skips what is in.
 * <p>
 * One thread reads the files and hands each chunk to a few writer threads ({@code portal.import.writers}), each
 * chunk in a transaction of its own; the reader takes the chunks' outcomes back in file order, so the counts and the
 * report are those of a run that wrote one chunk after the other (decision 033).
 * <p>
 * Memory: loans, borrowers and entries are streamed (borrowers and entries grouped by loan, in the order of
 * loans.csv), so only one chunk's rows are held at a time; customers.csv is read into memory once, since a customer
 * may be a borrower on any loan in the file.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class ServicingImport {

    private static final Logger log = LoggerFactory.getLogger(ServicingImport.class);
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    /** The services prefix each entry's problem with its index in the batch; a file names the line instead. */
    private static final Pattern BATCH_ROW = Pattern.compile("^Row \\d+ \\(servicer id [^)]*\\): ");
    private static final Pattern INDEXED = Pattern.compile("^(borrowers|entries)\\[(\\d+)]\\.?(.*)$");
    /**
     * Loans written in one transaction (decision 033): a commit per loan made the disk's flush the import's pace. A
     * chunk that fails anywhere is rolled back whole and its loans go again one transaction each, so every loan still
     * goes in whole or not at all, and is reported as it would be alone.
     */
    static final int CHUNK_LOANS = 25;
    /** A chunk also ends once it holds this many entries, so a book of long ledgers keeps its memory bounded. */
    static final int CHUNK_ENTRIES = 2_500;
    /**
     * A loan that failed alone for a reason other than a refusal (a deadlock, or a customer another writer was
     * creating at the same moment) is tried this many times beside the other writers; then once more with the
     * other writers held back, as a one-thread run would have written it; only a failure then reports it as not
     * written.
     */
    static final int ATTEMPTS = 3;

    private final ServicingProducts products;
    private final ServicingCustomers customers;
    private final ServicingLoans loans;
    private final ServicingLedger ledger;
    private final ServicerCustomerRepository servicerCustomers;
    private final Invitations invitations;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;
    /** Threads writing chunks at the same time; each holds one database connection while it writes. */
    private final int writers;

    ServicingImport(ServicingProducts products, ServicingCustomers customers, ServicingLoans loans,
                    ServicingLedger ledger, ServicerCustomerRepository servicerCustomers, Invitations invitations,
                    AuditService audit, CurrentUser currentUser, PlatformTransactionManager transactions,
                    EntityManager entityManager, @Value("${portal.import.writers:4}") int writers) {
        this.products = products;
        this.customers = customers;
        this.loans = loans;
        this.ledger = ledger;
        this.servicerCustomers = servicerCustomers;
        this.invitations = invitations;
        this.audit = audit;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
        // Writers in parallel (decision 033): under REPEATABLE READ, looking up a loan number or customer that is
        // not there yet locks the gap it would go in, and two writers inserting into each other's gaps deadlock.
        // Each statement reading the latest committed rows is what the services' find-then-write needs; their
        // unique keys and row locks still keep two writers from writing the same thing twice.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.entityManager = entityManager;
        if (writers < 1) {
            throw new IllegalArgumentException("portal.import.writers must be at least 1, not " + writers);
        }
        this.writers = writers;
    }

    /**
     * Imports the files (products.csv only when it is among them; or, on a dry run, checks them by doing the whole work and rolling it back) and
     * audits the run with its counts.
     */
    public ImportReport run(Map<ImportFile, java.nio.file.Path> files, boolean dryRun) {
        PortalUser actor = currentUser.actor().orElse(null);
        ImportReport report = SystemTask.call(() -> new Run(files, dryRun).execute());
        audit.record(actor == null ? SystemTask.ACTOR : actor.email(), actor == null ? Role.SYSTEM : actor.role(),
                null, null, null, AuditAction.SERVICING_IMPORT_RUN, report.summary());
        log.info("{}", report.summary());
        return report;
    }

    /**
     * Sends the activation invitation (decision 016) to each customer the run created who has no password and no
     * good link yet; returns how many were sent one.
     */
    public int inviteCreated(ImportReport report) {
        if (report.dryRun() || report.createdCustomerIds().isEmpty()) {
            return 0;
        }
        return invitations.inviteAll(report.createdCustomerIds());
    }

    private static String loanKey(String raw) {
        return raw == null ? "" : LoanNumber.parse(raw.strip()).map(LoanNumber::value).orElse(raw.strip());
    }

    /** One run: its files, the customers read once, the counts and the problems as they come. */
    private final class Run {
        final Map<ImportFile, java.nio.file.Path> files;
        final boolean dryRun;
        final List<ImportProblem> problems = new ArrayList<>();
        /** The rows of products.csv by code (a lender has tens of products, not thousands), and what became of each. */
        final Map<String, ProductRow> productRows = new LinkedHashMap<>();
        final Map<String, Outcome> productOutcomes = new HashMap<>();
        final Set<String> refusedProducts = new HashSet<>();
        final Map<String, CustomerRow> customerRows = new LinkedHashMap<>();
        /** Loan numbers of loans.csv in file order, and those listed twice. */
        final Map<String, Integer> loanOrder = new HashMap<>();
        final Set<String> repeatedLoans = new HashSet<>();
        /** Customers counted once: the outcome of their first upsert (on a dry run, each loan tries them afresh). */
        final Map<String, Outcome> customerOutcomes = new HashMap<>();
        final Set<String> refusedCustomers = new HashSet<>();
        /** Loans read but not yet written: they go in together ({@link #CHUNK_LOANS}). */
        final List<LoanRows> chunk = new ArrayList<>();
        /** Chunks handed to the writers, oldest first: their outcomes are taken in this order. */
        final Deque<Future<List<LoanOutcome>>> writing = new ArrayDeque<>();
        /** The customers customers.csv itself refuses, as the writers see them (the reader learns more). */
        Set<String> refusedInFile = Set.of();
        ExecutorService writerPool;
        /** Writers share it while they write; a loan that keeps meeting other writers takes it alone. */
        final ReadWriteLock writingAlone = new ReentrantReadWriteLock(true);
        int chunkEntries;
        int loansCreated;
        int loansUpdated;
        int loansUnchanged;
        int loansRefused;
        long posted;
        long matched;
        long repeated;

        Run(Map<ImportFile, java.nio.file.Path> files, boolean dryRun) {
            this.files = files;
            this.dryRun = dryRun;
        }

        ImportReport execute() {
            try {
                readThrough();
            } catch (CsvRows.FileRefused e) {
                problems.addAll(e.problems());
                return new ImportReport(dryRun, true, ImportReport.Counts.NONE, problems, List.of());
            }
            productRows.values().stream().filter(p -> !refusedProducts.contains(p.code)).forEach(this::importProduct);
            refusedInFile = Set.copyOf(refusedCustomers);
            AtomicInteger threads = new AtomicInteger();
            // The writers act as the reader does (the SYSTEM task of run()): the services check their roles.
            writerPool = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(writers, work -> {
                Thread thread = new Thread(work, "import-writer-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }));
            try (CsvRows loanRows = CsvRows.open(ImportFile.LOANS, files.get(ImportFile.LOANS));
                 CsvRows borrowerRows = CsvRows.open(ImportFile.BORROWERS, files.get(ImportFile.BORROWERS));
                 CsvRows entryRows = CsvRows.open(ImportFile.ENTRIES, files.get(ImportFile.ENTRIES))) {
                while (loanRows.hasNext()) {
                    CsvRows.Row loan = loanRows.next();
                    String key = loanKey(loan.cell("loanNumber"));
                    List<CsvRows.Row> borrowers = group(borrowerRows, key);
                    List<CsvRows.Row> entries = group(entryRows, key);
                    if (repeatedLoans.contains(key)) {
                        loansRefused++;
                        continue;
                    }
                    chunk.add(new LoanRows(key, loan, borrowers, entries));
                    chunkEntries += entries.size();
                    if (chunk.size() >= CHUNK_LOANS || chunkEntries >= CHUNK_ENTRIES) {
                        importChunk();
                    }
                }
                importChunk();
                while (!writing.isEmpty()) {
                    takeOldest();
                }
            } finally {
                writerPool.shutdownNow();
            }
            customerRows.values().stream().filter(c -> !customerOutcomes.containsKey(c.externalId)
                    && !refusedCustomers.contains(c.externalId)).forEach(this::importCustomerAlone);
            List<String> createdExternalIds = customerOutcomes.entrySet().stream()
                    .filter(e -> e.getValue() == Outcome.CREATED).map(Map.Entry::getKey).sorted().toList();
            List<Long> created = dryRun || createdExternalIds.isEmpty() ? List.of()
                    : servicerCustomers.findByExternalIdIn(createdExternalIds).stream()
                    .map(ServicerCustomer::customerId).toList();
            int customersCreated = count(Outcome.CREATED);
            return new ImportReport(dryRun, false, new ImportReport.Counts(productCount(Outcome.CREATED),
                    productCount(Outcome.UPDATED), productCount(Outcome.UNCHANGED), refusedProducts.size(),
                    customersCreated, count(Outcome.UPDATED),
                    count(Outcome.UNCHANGED), refusedCustomers.size(), loansCreated, loansUpdated, loansUnchanged,
                    loansRefused, posted, matched, repeated), problems, created);
        }

        private int count(Outcome outcome) {
            return (int) customerOutcomes.values().stream().filter(o -> o == outcome).count();
        }

        private int productCount(Outcome outcome) {
            return (int) productOutcomes.values().stream().filter(o -> o == outcome).count();
        }

        // --- the first pass: every file read through, nothing written

        private void readThrough() {
            List<ImportProblem> whole = new ArrayList<>();
            for (ImportFile file : ImportFile.values()) {
                try {
                    switch (file) {
                        case PRODUCTS -> readProducts();
                        case CUSTOMERS -> readCustomers();
                        case LOANS -> readLoans();
                        default -> {
                            if (whole.stream().noneMatch(p -> p.file().equals(ImportFile.LOANS.fileName()))) {
                                checkGrouping(file);
                            } else {
                                CsvRows.open(file, files.get(file)).close();
                            }
                        }
                    }
                } catch (CsvRows.FileRefused e) {
                    whole.addAll(e.problems());
                }
            }
            if (!whole.isEmpty()) {
                throw new CsvRows.FileRefused(whole);
            }
        }

        /** products.csv, when it is there: each row checked for its cells, a code listed twice refused. */
        private void readProducts() {
            if (files.get(ImportFile.PRODUCTS) == null) {
                return;
            }
            try (CsvRows rows = CsvRows.open(ImportFile.PRODUCTS, files.get(ImportFile.PRODUCTS))) {
                while (rows.hasNext()) {
                    CsvRows.Row row = rows.next();
                    List<ImportProblem> found = new ArrayList<>();
                    shape(row, found);
                    String code = row.cell("code") == null ? "" : row.cell("code").strip();
                    ProductUpsert upsert = new ProductUpsert(code, row.cell("name"),
                            number(row, "defaultAnnualRatePercent", found), whole(row, "defaultNumberOfPayments", found),
                            enumCell(row, "paymentFrequency", PaymentFrequency.class, found),
                            enumCell(row, "dayCount", DayCount.class, found), yesNo(row, "collateralized", found));
                    ProductRow earlier = productRows.putIfAbsent(code, new ProductRow(code, row.line(), upsert));
                    if (earlier != null) {
                        found.add(problem(row, "code", "Product " + code + " is listed twice (first on line "
                                + earlier.line + "); the product is refused."));
                        problems.add(new ImportProblem(ImportFile.PRODUCTS.fileName(), earlier.line, "code",
                                "Product " + code + " is listed again on line " + row.line() + "; the product is refused."));
                    }
                    if (!found.isEmpty()) {
                        problems.addAll(found);
                        refusedProducts.add(code);
                    }
                }
            }
        }

        /** A product of products.csv, on its own: a refusal costs the loans that name it, not the run. */
        private void importProduct(ProductRow product) {
            try {
                Outcome outcome = transaction.execute(status -> {
                    Outcome done = products.upsert(product.upsert).outcome();
                    if (dryRun) {
                        status.setRollbackOnly();
                    }
                    return done;
                });
                productOutcomes.put(product.code, outcome);
            } catch (ServicingRefusedException e) {
                e.problems().forEach(p -> problems.add(productProblem(product, p.field(), p.message())));
                refusedProducts.add(product.code);
            } catch (ProductInUseException e) {
                e.problems().forEach((field, message) -> problems.add(productProblem(product, field, message)));
                refusedProducts.add(product.code);
            }
        }

        /**
         * On a dry run, the product a loan names as this run defined it, put in again inside the loan's transaction
         * (and rolled back with it), so the loan is checked against the product the real run would give it.
         */
        private void defineProductForDryRun(String productCode) {
            ProductRow product = productCode == null ? null : productRows.get(productCode.strip());
            Outcome outcome = product == null ? null : productOutcomes.get(product.code);
            if (dryRun && (outcome == Outcome.CREATED || outcome == Outcome.UPDATED)) {
                products.upsert(product.upsert);
            }
        }

        private void readCustomers() {
            Map<String, Long> emails = new HashMap<>();
            try (CsvRows rows = CsvRows.open(ImportFile.CUSTOMERS, files.get(ImportFile.CUSTOMERS))) {
                while (rows.hasNext()) {
                    CsvRows.Row row = rows.next();
                    List<ImportProblem> found = new ArrayList<>();
                    shape(row, found);
                    String id = row.cell("externalId") == null ? "" : row.cell("externalId").strip();
                    ServicerStatus status = enumCell(row, "status", ServicerStatus.class, found);
                    CustomerUpsert upsert = new CustomerUpsert(id, row.cell("firstName"), row.cell("lastName"),
                            row.cell("email"), row.cell("phone"), row.cell("streetLine1"), row.cell("streetLine2"),
                            row.cell("city"), row.cell("state"), row.cell("zip"), status);
                    CustomerRow earlier = customerRows.get(id);
                    if (earlier != null) {
                        found.add(problem(row, "externalId", "Customer " + id + " is listed twice (first on line "
                                + earlier.line + "); the customer is refused."));
                        refuse(earlier.externalId);
                    }
                    String email = row.cell("email") == null ? null : row.cell("email").strip().toLowerCase(Locale.ROOT);
                    if (email != null && emails.containsKey(email) && earlier == null) {
                        found.add(problem(row, "email", "Another customer in this file (line " + emails.get(email)
                                + ") has this email."));
                    } else if (email != null) {
                        emails.putIfAbsent(email, row.line());
                    }
                    if (id.isEmpty()) {
                        found.add(problem(row, "externalId", "Must be given."));
                        problems.addAll(found);
                        continue;
                    }
                    if (earlier == null) {
                        customerRows.put(id, new CustomerRow(id, row.line(), upsert));
                    }
                    if (!found.isEmpty()) {
                        problems.addAll(found);
                        refuse(id);
                    }
                }
            }
        }

        private void refuse(String externalId) {
            refusedCustomers.add(externalId);
        }

        private void readLoans() {
            Map<String, Long> lines = new HashMap<>();
            try (CsvRows rows = CsvRows.open(ImportFile.LOANS, files.get(ImportFile.LOANS))) {
                int index = 0;
                while (rows.hasNext()) {
                    CsvRows.Row row = rows.next();
                    String key = loanKey(row.cell("loanNumber"));
                    Long first = lines.putIfAbsent(key, row.line());
                    if (first != null) {
                        repeatedLoans.add(key);
                        problems.add(problem(row, "loanNumber", "Loan " + key + " is listed twice (first on line "
                                + first + "); the loan is refused."));
                    } else {
                        loanOrder.put(key, index++);
                    }
                }
            }
        }

        /** Borrowers and entries come grouped by loan, in the order of loans.csv, so each loan is read in one go. */
        private void checkGrouping(ImportFile file) {
            try (CsvRows rows = CsvRows.open(file, files.get(file))) {
                String current = null;
                int currentIndex = -1;
                long currentLine = 0;
                Set<String> done = new HashSet<>();
                while (rows.hasNext()) {
                    CsvRows.Row row = rows.next();
                    String key = loanKey(row.cell("loanNumber"));
                    Integer index = loanOrder.get(key);
                    if (index == null) {
                        problems.add(problem(row, "loanNumber", key.isEmpty() ? "Must be given."
                                : "No loan " + key + " in loans.csv; a row names a loan of the same import."));
                        continue;
                    }
                    if (key.equals(current)) {
                        continue;
                    }
                    if (done.contains(key) || index < currentIndex) {
                        throw new CsvRows.FileRefused(new ImportProblem(file.fileName(), row.line(), "loanNumber",
                                "The rows of loan " + key + " are not together in the order of loans.csv (after loan "
                                        + current + " on line " + currentLine + "): group the rows of each loan, loans in "
                                        + "the order of loans.csv, so the import can read one loan at a time."));
                    }
                    if (current != null) {
                        done.add(current);
                    }
                    current = key;
                    currentIndex = index;
                    currentLine = row.line();
                }
            }
        }

        // --- the second pass: one loan at a time

        private List<CsvRows.Row> group(CsvRows rows, String key) {
            List<CsvRows.Row> group = new ArrayList<>();
            for (CsvRows.Row row = rows.peek(); row != null; row = rows.peek()) {
                String rowKey = loanKey(row.cell("loanNumber"));
                if (rowKey.equals(key)) {
                    group.add(rows.next());
                } else if (!loanOrder.containsKey(rowKey)) {
                    rows.next(); // reported in the first pass: it names no loan of the import
                } else {
                    break;
                }
            }
            return group;
        }

        /**
         * Hands the chunk to a writer, and, once as many chunks as two per writer are being written, takes the
         * oldest one's outcome (so memory holds a bounded number of chunks).
         */
        private void importChunk() {
            if (chunk.isEmpty()) {
                return;
            }
            List<LoanRows> loans = List.copyOf(chunk);
            chunk.clear();
            chunkEntries = 0;
            writing.add(writerPool.submit(() -> writeChunk(loans)));
            while (writing.size() > 2 * writers) {
                takeOldest();
            }
        }

        /** The oldest chunk's outcome, counted and reported in file order as a one-thread run would. */
        private void takeOldest() {
            List<LoanOutcome> outcomes;
            try {
                outcomes = writing.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("A chunk of the import failed", e.getCause());
            }
            for (LoanOutcome outcome : outcomes) {
                if (outcome.result != null) {
                    count(outcome.result);
                } else {
                    report(outcome);
                }
            }
        }

        /**
         * A refused loan, reported as a one-thread run reports it: a customer an earlier loan's writing refused is
         * named as refused (the writer could not know yet), and the customers this loan's writing refused are
         * remembered for the loans after it.
         */
        private void report(LoanOutcome outcome) {
            LoanRows rows = outcome.rows;
            List<ImportProblem> found = new ArrayList<>();
            loan(rows.loan, found);
            borrowers(rows.key, rows.loan, rows.borrowers, refusedCustomers, found);
            entries(rows.entries, found);
            if (found.isEmpty()) {
                found = outcome.problems;
                refusedCustomers.addAll(outcome.refusedCustomers);
            }
            refuseLoan(rows.key, rows.loan, found);
        }

        /**
         * On a writer thread: the chunk's loans in one transaction, which commits (or, on a dry run, rolls back as
         * planned). A loan refused anywhere in it (its cells, or a service's rule), or a failure (such as another
         * writer creating the same customer at the same moment), rolls the whole chunk back; then each of its loans
         * goes again on its own, exactly as it would have without the chunk.
         */
        private List<LoanOutcome> writeChunk(List<LoanRows> loans) {
            if (loans.size() > 1) {
                try {
                    List<LoanResult> results = beside(() -> transaction.execute(status -> {
                        List<LoanResult> done = new ArrayList<>(loans.size());
                        for (LoanRows loan : loans) {
                            done.add(writeChecked(loan));
                            // Each loan's rows leave the persistence context once written: the next loan's queries
                            // would otherwise check every entity of the chunk for changes before they run.
                            entityManager.flush();
                            entityManager.clear();
                        }
                        if (dryRun) {
                            status.setRollbackOnly();
                        }
                        return done;
                    }), writingAlone.readLock());
                    List<LoanOutcome> outcomes = new ArrayList<>(loans.size());
                    for (int i = 0; i < loans.size(); i++) {
                        outcomes.add(new LoanOutcome(loans.get(i), results.get(i), List.of(), List.of()));
                    }
                    return outcomes;
                } catch (RuntimeException e) {
                    log.debug("A chunk of {} loans goes again loan by loan: {}", loans.size(), e.toString());
                }
            }
            List<LoanOutcome> outcomes = new ArrayList<>(loans.size());
            for (LoanRows loan : loans) {
                outcomes.add(writeAlone(loan));
            }
            return outcomes;
        }

        /** A loan of a chunk: its cells checked as {@link #writeAlone} checks them, then written; refused: thrown. */
        private LoanResult writeChecked(LoanRows rows) {
            List<ImportProblem> found = new ArrayList<>();
            LoanUpsert loan = loan(rows.loan, found);
            List<BorrowersUpsert.Borrower> borrowers = borrowers(rows.key, rows.loan, rows.borrowers, refusedInFile,
                    found);
            List<ServicerEntry> entries = entries(rows.entries, found);
            if (!found.isEmpty()) {
                throw new LoanRefused(found);
            }
            return writeLoan(rows.loan, loan, rows.borrowers, borrowers, rows.entries, entries);
        }

        private List<BorrowersUpsert.Borrower> borrowers(String key, CsvRows.Row loanRow, List<CsvRows.Row> borrowerRows,
                                                        Set<String> refused, List<ImportProblem> found) {
            List<BorrowersUpsert.Borrower> borrowers = new ArrayList<>();
            for (CsvRows.Row row : borrowerRows) {
                shape(row, found);
                String id = row.cell("externalId") == null ? null : row.cell("externalId").strip();
                LinkRole role = enumCell(row, "role", LinkRole.class, found);
                if (id != null && refused.contains(id)) {
                    found.add(problem(row, "externalId", "Customer " + id + " is refused in customers.csv (line "
                            + customerRows.get(id).line + ")."));
                }
                borrowers.add(new BorrowersUpsert.Borrower(id, role));
            }
            if (borrowerRows.isEmpty()) {
                found.add(problem(loanRow, null, "Loan " + key + " has no rows in borrowers.csv; a loan has at least "
                        + "one borrower."));
            }
            return borrowers;
        }

        private List<ServicerEntry> entries(List<CsvRows.Row> entryRows, List<ImportProblem> found) {
            List<ServicerEntry> entries = new ArrayList<>(entryRows.size());
            for (CsvRows.Row row : entryRows) {
                entries.add(entry(row, found));
            }
            return entries;
        }

        /** On a writer thread: one loan in a transaction of its own; refused, it says why. */
        private LoanOutcome writeAlone(LoanRows rows) {
            String key = rows.key;
            List<ImportProblem> found = new ArrayList<>();
            LoanUpsert loan = loan(rows.loan, found);
            List<BorrowersUpsert.Borrower> borrowers = borrowers(key, rows.loan, rows.borrowers, refusedInFile, found);
            List<ServicerEntry> entries = entries(rows.entries, found);
            if (!found.isEmpty()) {
                return new LoanOutcome(rows, null, found, List.of());
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    LoanResult result = beside(() -> transaction.execute(status -> {
                        LoanResult done = writeLoan(rows.loan, loan, rows.borrowers, borrowers, rows.entries, entries);
                        if (dryRun) {
                            status.setRollbackOnly();
                        }
                        return done;
                    }), attempt <= ATTEMPTS ? writingAlone.readLock() : writingAlone.writeLock());
                    return new LoanOutcome(rows, result, List.of(), List.of());
                } catch (LoanRefused e) {
                    return new LoanOutcome(rows, null, e.problems, e.refusedCustomers);
                } catch (RuntimeException e) {
                    if (attempt <= ATTEMPTS) {
                        log.info("Import of loan {} goes again (attempt {} failed: {})", key, attempt, e.toString());
                        pause(key, attempt);
                        continue;
                    }
                    log.error("Import of loan {} failed", key, e);
                    return new LoanOutcome(rows, null, List.of(problem(rows.loan, null, "Loan " + key
                            + " could not be written (the details are in the server log); nothing of it went in.")),
                            List.of());
                }
            }
        }

        /** The work under the lock: shared by the writers, or held alone (the other writers wait). */
        private <T> T beside(Supplier<T> work, Lock lock) {
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        }

        /** A short wait before a loan goes again, longer each time, so writers that met do not meet again. */
        private void pause(String key, int attempt) {
            try {
                // Spread by the loan, so two loans that met wait for different times.
                Thread.sleep((20L + Math.floorMod(key.hashCode(), 80)) * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import was interrupted", e);
            }
        }

        private void refuseLoan(String key, CsvRows.Row loanRow, List<ImportProblem> found) {
            problems.addAll(found);
            if (found.stream().noneMatch(p -> p.file().equals(ImportFile.LOANS.fileName()) && p.line() == loanRow.line())) {
                problems.add(problem(loanRow, null, "Loan " + key + " is not imported: " + found.size()
                        + " of its rows refused (nothing of it was written)."));
            }
            loansRefused++;
        }

        private LoanResult writeLoan(CsvRows.Row loanRow, LoanUpsert loan, List<CsvRows.Row> borrowerRows,
                                     List<BorrowersUpsert.Borrower> borrowers, List<CsvRows.Row> entryRows,
                                     List<ServicerEntry> entries) {
            defineProductForDryRun(loan.productCode());
            Map<String, Outcome> customerResults = new LinkedHashMap<>();
            List<ImportProblem> found = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < borrowers.size(); i++) {
                String id = borrowers.get(i).externalId();
                CustomerRow customer = id == null ? null : customerRows.get(id);
                if (customer == null || customerResults.containsKey(id)) {
                    continue; // one the portal may know already: replaceBorrowers says if it does not
                }
                try {
                    customerResults.put(id, customers.upsert(customer.upsert).outcome());
                } catch (ServicingRefusedException e) {
                    e.problems().forEach(p -> found.add(new ImportProblem(ImportFile.CUSTOMERS.fileName(), customer.line,
                            column(p.field()), p.message())));
                    found.add(problem(borrowerRows.get(i), "externalId", "Customer " + id
                            + " is refused in customers.csv (line " + customer.line + ")."));
                    refused.add(id);
                }
            }
            if (!found.isEmpty()) {
                // Known as refused only once the loan is reported (a chunk's loans are written again on their own).
                throw new LoanRefused(found, refused);
            }
            Outcome loanOutcome;
            try {
                loanOutcome = loans.upsert(loan).outcome();
            } catch (ServicingRefusedException e) {
                e.problems().forEach(p -> found.add(problem(loanRow, column(p.field()), p.message())));
                throw new LoanRefused(found);
            }
            try {
                loans.replaceBorrowers(new BorrowersUpsert(loan.loanNumber(), borrowers));
            } catch (ServicingRefusedException e) {
                e.problems().forEach(p -> found.add(rowProblem(p, loanRow, borrowerRows)));
                throw new LoanRefused(found);
            }
            long[] counts = new long[3];
            for (int from = 0; from < entries.size(); from += ServicingLedger.MAX_BATCH) {
                int to = Math.min(entries.size(), from + ServicingLedger.MAX_BATCH);
                List<CsvRows.Row> batchRows = entryRows.subList(from, to);
                try {
                    BatchResult batch = ledger.append(loan.loanNumber(), entries.subList(from, to));
                    counts[0] += batch.posted();
                    counts[1] += batch.matched();
                    counts[2] += batch.repeated();
                } catch (ServicingRefusedException e) {
                    e.problems().forEach(p -> found.add(rowProblem(p, loanRow, batchRows)));
                    throw new LoanRefused(found);
                } catch (ServicerEntryConflictException e) {
                    e.problems().forEach(p -> found.add(rowProblem(p, loanRow, batchRows)));
                    throw new LoanRefused(found);
                }
            }
            return new LoanResult(customerResults, loanOutcome, counts[0], counts[1], counts[2]);
        }

        private void count(LoanResult result) {
            // A one-thread run counts a customer by its first upsert; writers in parallel may reach a customer in
            // another order, and only the first of them can have created or updated it.
            result.customers.forEach((id, outcome) -> customerOutcomes.merge(id, outcome, ServicingImport::first));
            switch (result.loan) {
                case CREATED -> loansCreated++;
                case UPDATED -> loansUpdated++;
                default -> loansUnchanged++;
            }
            posted += result.posted;
            matched += result.matched;
            repeated += result.repeated;
        }

        /** A customer no borrower row names: on its own, in its own transaction. */
        private void importCustomerAlone(CustomerRow customer) {
            try {
                Outcome outcome = transaction.execute(status -> {
                    Outcome done = customers.upsert(customer.upsert).outcome();
                    if (dryRun) {
                        status.setRollbackOnly();
                    }
                    return done;
                });
                customerOutcomes.put(customer.externalId, outcome);
            } catch (ServicingRefusedException e) {
                e.problems().forEach(p -> problems.add(new ImportProblem(ImportFile.CUSTOMERS.fileName(), customer.line,
                        column(p.field()), p.message())));
                refusedCustomers.add(customer.externalId);
            }
        }

        // --- cells

        private LoanUpsert loan(CsvRows.Row row, List<ImportProblem> found) {
            shape(row, found);
            String productCode = row.cell("productCode") == null ? "" : row.cell("productCode").strip();
            if (refusedProducts.contains(productCode)) {
                ProductRow product = productRows.get(productCode);
                found.add(problem(row, "productCode", "Product " + productCode + " is refused in products.csv"
                        + (product == null ? "" : " (line " + product.line + ")") + "."));
            }
            return new LoanUpsert(row.cell("loanNumber") == null ? null : row.cell("loanNumber").strip(),
                    row.cell("productCode"), number(row, "principal", found), number(row, "annualRatePercent", found),
                    whole(row, "numberOfPayments", found), date(row, "startDate", found), date(row, "firstDueDate", found),
                    row.cell("collateralDescription"), row.cell("collateralVin"), yesNo(row, "webAccess", found),
                    number(row, "servicerBalance", found), date(row, "balanceAsOf", found));
        }

        private ServicerEntry entry(CsvRows.Row row, List<ImportProblem> found) {
            shape(row, found);
            return new ServicerEntry(row.cell("servicerId"), enumCell(row, "kind", ServicerEntryKind.class, found),
                    date(row, "effectiveDate", found), number(row, "amount", found), number(row, "principal", found),
                    number(row, "interest", found), number(row, "fees", found), row.cell("reverses"),
                    row.cell("reference"), row.cell("description"));
        }

        private void shape(CsvRows.Row row, List<ImportProblem> found) {
            if (!row.complete()) {
                found.add(problem(row, null, "The row has " + row.size() + " cells; the header names "
                        + row.columns().size() + "."));
            }
        }
    }

    private static ImportProblem productProblem(ProductRow product, String field, String reason) {
        return new ImportProblem(ImportFile.PRODUCTS.fileName(), product.line, field, reason);
    }

    /** Of two upserts of one customer, the outcome the first of them had: created, else updated, else unchanged. */
    private static Outcome first(Outcome one, Outcome other) {
        return one == Outcome.CREATED || other == Outcome.CREATED ? Outcome.CREATED
                : one == Outcome.UPDATED || other == Outcome.UPDATED ? Outcome.UPDATED : one;
    }

    private static ImportProblem problem(CsvRows.Row row, String column, String reason) {
        return new ImportProblem(row.file().fileName(), row.line(), column, reason);
    }

    /** A service's problem about the i-th borrower or entry, put back on that row's line. */
    private static ImportProblem rowProblem(ServicingProblem p, CsvRows.Row loanRow, List<CsvRows.Row> rows) {
        String message = BATCH_ROW.matcher(p.message()).replaceFirst("");
        Matcher indexed = INDEXED.matcher(p.field());
        if (indexed.matches()) {
            int index = Integer.parseInt(indexed.group(2));
            if (index < rows.size()) {
                CsvRows.Row row = rows.get(index);
                return problem(row, indexed.group(3).isEmpty() ? null : indexed.group(3), message);
            }
        }
        CsvRows.Row first = rows.isEmpty() ? loanRow : rows.getFirst();
        return problem(first, "loanNumber".equals(p.field()) ? "loanNumber" : null, message);
    }

    /** The services name terms' fields "terms.principal"; the file's column is "principal". */
    private static String column(String field) {
        return field.startsWith("terms.") ? field.substring("terms.".length()) : field;
    }

    private static BigDecimal number(CsvRows.Row row, String column, List<ImportProblem> found) {
        String text = row.cell(column);
        if (text == null) {
            return null;
        }
        // A minus sign is part of a number (a negative adjustment); any other formula-like start is not.
        if (!NUMBER.matcher(text.strip()).matches()) {
            found.add(problem(row, column, "Not a number: " + shown(text) + " (digits, an optional minus sign and a "
                    + "decimal point, e.g. -12.50)."));
            return null;
        }
        return new BigDecimal(text.strip());
    }

    private static Integer whole(CsvRows.Row row, String column, List<ImportProblem> found) {
        String text = row.cell(column);
        if (text == null) {
            return null;
        }
        if (!WHOLE.matcher(text.strip()).matches()) {
            found.add(problem(row, column, "Not a whole number: " + shown(text) + "."));
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static LocalDate date(CsvRows.Row row, String column, List<ImportProblem> found) {
        String text = row.cell(column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            found.add(problem(row, column, "Not a date: " + shown(text) + " (year-month-day, e.g. 2026-03-15)."));
            return null;
        }
    }

    private static Boolean yesNo(CsvRows.Row row, String column, List<ImportProblem> found) {
        String text = row.cell(column);
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                found.add(problem(row, column, "Must be true, false or empty, not " + shown(text) + "."));
                yield null;
            }
        };
    }

    private static <E extends Enum<E>> E enumCell(CsvRows.Row row, String column, Class<E> type,
                                                  List<ImportProblem> found) {
        String text = row.cell(column);
        E[] values = type.getEnumConstants();
        Map<String, E> byName = new HashMap<>();
        for (E value : values) {
            byName.put(value.name(), value);
        }
        E value = text == null ? null : byName.get(text.strip().toUpperCase(Locale.ROOT));
        if (value == null) {
            found.add(problem(row, column, "Must be one of " + String.join(", ", byName.keySet().stream().sorted()
                    .toList()) + (text == null ? "." : ", not " + shown(text) + ".")));
        }
        return value;
    }

    private static String shown(String text) {
        String clipped = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + clipped + "\"";
    }

    private record CustomerRow(String externalId, long line, CustomerUpsert upsert) {
    }

    private record ProductRow(String code, long line, ProductUpsert upsert) {
    }

    /** One loan's rows of the three files, as read. */
    private record LoanRows(String key, CsvRows.Row loan, List<CsvRows.Row> borrowers, List<CsvRows.Row> entries) {
    }

    private record LoanResult(Map<String, Outcome> customers, Outcome loan, long posted, long matched, long repeated) {
    }

    /** What a writer did with one loan: its result, or the problems that refused it. */
    private record LoanOutcome(LoanRows rows, LoanResult result, List<ImportProblem> problems,
                               List<String> refusedCustomers) {
    }

    /** A loan's rows were refused inside its transaction, which this rolls back. */
    private static final class LoanRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient List<ImportProblem> problems;
        /** Customers of customers.csv the servicing rules refused while the loan was written. */
        private final transient List<String> refusedCustomers;

        LoanRefused(List<ImportProblem> problems) {
            this(problems, List.of());
        }

        LoanRefused(List<ImportProblem> problems, List<String> refusedCustomers) {
            super(problems.size() + " problem(s)", null, false, false);
            this.problems = List.copyOf(problems);
            this.refusedCustomers = List.copyOf(refusedCustomers);
        }
    }

}
