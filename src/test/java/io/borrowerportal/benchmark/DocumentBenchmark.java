package io.borrowerportal.benchmark;

import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.account.ProductDefinition;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.document.CategoryPurpose;
import io.borrowerportal.document.DocumentArchive;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.document.DocumentsTab;
import io.borrowerportal.document.NewDocument;
import io.borrowerportal.document.TestFiles;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.security.SystemTask;
import jakarta.persistence.EntityManagerFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Documents as numbers ({@code ./mvnw -Pbenchmark test-compile exec:exec@document-benchmark}, or with the rest by
 * {@code ./mvnw -Pbenchmark verify}): a 10 MB PDF uploaded and stored through {@link DocumentService#upload}, with
 * its server time and how far the heap rose above what was live before it (the JVM's peak heap usage, garbage
 * included, so an upper bound); and the data of the Documents tab of a loan with 200 documents, with its time and
 * SQL statements (Hibernate's count). Nothing here passes or fails on time.
 */
public final class DocumentBenchmark {

    static final int UPLOADS = 5;
    static final int DOCUMENTS = 200;
    static final int TAB_CALLS = 200;
    static final LocalDate TODAY = LocalDate.parse("2026-12-10");

    private DocumentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = PortalBenchmark.database();
        System.out.printf(Locale.ROOT, "Documents benchmark%njava.version=%s, processors=%d, max heap=%d MB, database=%s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        try (ConfigurableApplicationContext context = PortalBenchmark.start(database, TODAY,
                "--spring.jpa.properties.hibernate.generate_statistics=true",
                "--logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener=warn")) {
            UserDetailsService users = context.getBean(UserDetailsService.class);
            DocumentService documents = context.getBean(DocumentService.class);
            String[] loans = book(context);
            SignIn.as(users, "docs.borrower@example.com");
            uploads(documents, loans[0]);
            tab(context, documents, loans[1]);
            SignIn.out();
        }
    }

    private static void uploads(DocumentService documents, String loan) throws IOException {
        long category = documents.uploadCategories().stream().filter(c -> c.purpose() == null).findFirst().orElseThrow().id();
        System.out.printf(Locale.ROOT, "  %-44s %10s %10s %16s %s%n", "upload + store, one 10 MB PDF", "size MB",
                "server ms", "heap growth MB", "");
        for (int i = 0; i <= UPLOADS; i++) {
            Path file = tenMegabytePdf(i);
            long size = Files.size(file);
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            documents.upload(new NewDocument(loan, category, "Bench " + i, null, "bench.pdf"), FileContent.of(file));
            double ms = (System.nanoTime() - start) / 1e6;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            double growth = (peak - before) / 1048576.0;
            System.out.printf(Locale.ROOT, "  %-44s %10.2f %10.1f %16.1f %s%n", i == 0 ? "warm-up (not a result)"
                    : "upload " + i, size / 1048576.0, ms, growth, i == 0 ? "" : String.format(Locale.ROOT,
                    "= %.2fx the file (goal < 3x)%s", growth * 1048576.0 / size, growth * 1048576.0 < 3 * size ? " (met)" : " (NOT met)"));
            Files.delete(file);
        }
        System.out.println();
    }

    private static void tab(ConfigurableApplicationContext context, DocumentService documents, String loan) {
        AccountService accounts = context.getBean(AccountService.class);
        Statistics statistics = context.getBean(EntityManagerFactory.class).unwrap(SessionFactory.class).getStatistics();
        for (int i = 0; i < 50; i++) {
            accounts.detail(loan);
            documents.tab(loan);
        }
        statistics.clear();
        DocumentsTab tab = render(accounts, documents, loan);
        long statements = statistics.getPrepareStatementCount();
        long[] nanos = new long[TAB_CALLS];
        for (int i = 0; i < TAB_CALLS; i++) {
            long start = System.nanoTime();
            render(accounts, documents, loan);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  Documents tab data, %d documents (AccountService.detail + DocumentService.tab), %d calls%n",
                tab.documents().size(), TAB_CALLS);
        System.out.printf(Locale.ROOT, "    mean %.2f ms, p50 %.2f ms, p95 %.2f ms; SQL statements per render: %d (goal <= 5)%s%n",
                Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[TAB_CALLS / 2] / 1e6,
                nanos[(int) Math.ceil(TAB_CALLS * 0.95) - 1] / 1e6, statements, statements <= 5 ? " (met)" : " (NOT met)");
    }

    private static DocumentsTab render(AccountService accounts, DocumentService documents, String loan) {
        accounts.detail(loan);
        return documents.tab(loan);
    }

    /** One borrower with two loans: one for the uploads, one with 200 lender documents. */
    private static String[] book(ConfigurableApplicationContext context) {
        CustomerService customers = context.getBean(CustomerService.class);
        LoanServicing servicing = context.getBean(LoanServicing.class);
        DocumentArchive archive = context.getBean(DocumentArchive.class);
        return SystemTask.call(() -> {
            servicing.defineProduct(new ProductDefinition("DOCS", "Personal loan", new BigDecimal("9.0000"), 36, PaymentFrequency.MONTHLY,
                    DayCount.THIRTY_360, false));
            long customer = customers.create("docs.borrower@example.com", "Docs", "Borrower", "+1 555 0301", "bench-password-1");
            String[] loans = {open(servicing, "DOCS-001"), open(servicing, "DOCS-200")};
            for (String loan : loans) {
                servicing.link(loan, customer, LinkRole.BORROWER);
            }
            long account = context.getBean(io.borrowerportal.account.AccountLookup.class).byLoanNumber(loans[1]).orElseThrow().id();
            for (int i = 0; i < DOCUMENTS; i++) {
                archive.file(account, CategoryPurpose.STATEMENTS, "Statement " + i, "Monthly statement", "s.pdf",
                        FileContent.of(TestFiles.pdf("Statement " + i)));
            }
            return loans;
        });
    }

    private static String open(LoanServicing servicing, String number) {
        LocalDate start = TODAY.minusMonths(3);
        LoanTerms terms = new LoanTerms(new BigDecimal("12000.00"), new BigDecimal("9.0000"), 36, start,
                start.plusMonths(1), PaymentFrequency.MONTHLY, DayCount.THIRTY_360);
        return servicing.openAccount(new OpenAccountCommand(number, "DOCS", terms, null, null));
    }

    /** A one-page PDF of about 9.3 MB: a 1,800 x 1,800 picture of noise, which does not compress. */
    private static Path tenMegabytePdf(int seed) throws IOException {
        BufferedImage noise = new BufferedImage(1800, 1800, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = Files.createTempFile("bench-10mb-", ".pdf");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(pdf, noise);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(image, 36, 36, 540, 540);
            }
            pdf.save(file.toFile());
        }
        return file;
    }
}
