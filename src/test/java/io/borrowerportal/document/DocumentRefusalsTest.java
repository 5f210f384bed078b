package io.borrowerportal.document;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.security.SystemTask;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #10's list of bad uploads, each through the customer's service as a forged request would arrive: each is
 * refused with a message for the customer, on the field it belongs to, and nothing is stored.
 */
class DocumentRefusalsTest extends ServiceTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String JANES_LOAN = "AUTO-100482";
    private static final String ALEXS_LOAN = "PL-200988";

    @Autowired
    DocumentService documents;
    @Autowired
    JdbcTemplate jdbc;

    private int before;

    @BeforeEach
    void signIn() {
        SignIn.as(users, JANE);
        before = stored();
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused(upload("Empty", "empty.pdf", new byte[0]), "file", "The file is empty");
    }

    @Test
    void eleven_megabytes_is_refused_before_its_content_is_read() throws Exception {
        Path file = Files.createTempFile("eleven-mb", ".pdf");
        try {
            byte[] pdf = TestFiles.pdf("Large");
            Files.write(file, pdf);
            Files.write(file, new byte[11 * 1024 * 1024 - pdf.length], java.nio.file.StandardOpenOption.APPEND);
            assertRefused(() -> documents.upload(command("Large", "large.pdf"), FileContent.of(file)), "file",
                    "The file is 11 MB; files up to 10 MB can be uploaded.");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void an_exe_renamed_pdf_is_refused_by_its_content() {
        byte[] exe = "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(upload("Setup", "setup.pdf", exe), "file", "Only PDF, PNG and JPEG files can be uploaded");
    }

    @Test
    void an_html_file_named_png_is_refused_by_its_content() {
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(upload("Photo", "photo.png", html), "file", "Only PDF, PNG and JPEG files can be uploaded");
    }

    @Test
    void an_encrypted_pdf_is_refused() {
        assertRefused(upload("Locked", "locked.pdf", TestFiles.encryptedPdf()), "file", "protected with a password");
    }

    @Test
    void a_malformed_pdf_is_refused() {
        assertRefused(upload("Broken", "broken.pdf", TestFiles.malformedPdf()), "file", "This PDF cannot be opened");
    }

    @Test
    void a_pdf_whose_page_is_200000_points_wide_is_refused() {
        byte[] huge = TestFiles.pdf("Huge page", new PDRectangle(200_000, 200_000));
        assertRefused(upload("Huge", "huge.pdf", huge), "file", "has a size no PDF reader accepts");
    }

    @Test
    void a_pdf_whose_page_unpacks_to_hundreds_of_megabytes_is_refused_without_unpacking_it_in_memory() {
        byte[] bomb = TestFiles.contentBombPdf(400);
        assertThat(bomb.length).as("a small file").isLessThan(2 * 1024 * 1024);

        long allocated = allocatedDuring(() -> assertRefused(upload("Bomb", "bomb.pdf", bomb), "file",
                "unpacks to far more than a document needs"));
        System.out.printf("[documents] checking a %d kB PDF that unpacks to 400 MB allocated %d MB%n",
                bomb.length / 1024, allocated >> 20);
        assertThat(allocated).as("bytes allocated while checking it").isLessThan(96L * 1024 * 1024);
    }

    @Test
    void a_png_declaring_50000_by_50000_pixels_is_refused_without_decoding_it() {
        byte[] bomb = TestFiles.pngBomb(50_000, 50_000);
        assertThat(bomb.length).isLessThan(64 * 1024);

        long allocated = allocatedDuring(() -> assertRefused(upload("Bomb", "bomb.png", bomb), "file",
                "This image is 50000 × 50000 pixels, larger than can be kept"));
        assertThat(allocated).as("bytes allocated while checking it (decoded it would be 2.5 GB)")
                .isLessThan(32L * 1024 * 1024);
    }

    @Test
    void a_file_name_with_folders_and_control_characters_is_kept_only_as_a_cleaned_label() {
        DocumentSummary stored = documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Renamed",
                null, "..\\..//../etc/\u0000pass\u202Ewd\u0007.pdf"), FileContent.of(TestFiles.pdf("Named")));

        assertThat(jdbc.queryForObject("select file_label from documents where id = ?", String.class, stored.id()))
                .isEqualTo("passwd.pdf");
        DocumentDownload download = documents.download(JANES_LOAN, stored.id());
        assertThat(download.storedName()).isEqualTo(stored.reference() + ".pdf").matches("DOC-[A-Z0-9]+\\.pdf");
        assertThat(download.label()).isEqualTo("passwd.pdf");
    }

    @Test
    void a_category_closed_for_uploads_or_unknown_is_refused() {
        long statements = SystemTask.call(() -> jdbc.queryForObject(
                "select id from document_categories where purpose = 'STATEMENTS'", Long.class));
        assertRefused(() -> documents.upload(new NewDocument(JANES_LOAN, statements, "Fake statement", null, "s.pdf"),
                FileContent.of(TestFiles.pdf("Fake"))), "category", "cannot be uploaded to that category");
        assertRefused(() -> documents.upload(new NewDocument(JANES_LOAN, 987_654L, "Nowhere", null, "n.pdf"),
                FileContent.of(TestFiles.pdf("Nowhere"))), "category", "cannot be uploaded to that category");
        assertRefused(() -> documents.upload(new NewDocument(JANES_LOAN, null, "No category", null, "n.pdf"),
                FileContent.of(TestFiles.pdf("None"))), "category", "Choose a category");
    }

    @Test
    void another_customers_loan_is_refused_as_not_found() {
        assertThatThrownBy(() -> documents.upload(new NewDocument(ALEXS_LOAN, openCategory(), "Mine now", null, "m.pdf"),
                FileContent.of(TestFiles.pdf("Forged")))).isInstanceOf(AccountNotFoundException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void a_missing_name_and_texts_over_their_limits_are_refused_on_their_fields() {
        assertRefused(upload("  \u0007 ", "a.pdf", TestFiles.pdf("No name")), "name", "Give the document a name.");
        assertRefused(upload("x".repeat(NewDocument.MAX_NAME + 1), "a.pdf", TestFiles.pdf("Long name")), "name",
                "Keep the name to 120 characters.");
        assertRefused(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Long description",
                        "y".repeat(NewDocument.MAX_DESCRIPTION + 1), "a.pdf"), FileContent.of(TestFiles.pdf("Long"))),
                "description", "Keep the description to 500 characters.");
    }

    @Test
    void the_same_file_again_tells_the_customer_it_is_already_there() {
        byte[] pdf = TestFiles.pdf("Twice");
        DocumentSummary first = documents.upload(command("Pay stub", "stub.pdf"), FileContent.of(pdf));
        before = stored();

        assertRefused(() -> documents.upload(command("Pay stub again", "stub-copy.pdf"), FileContent.of(pdf)), "file",
                "This file is already on this loan: \"Pay stub\", added ");
        assertThat(first.id()).isPositive();
    }

    private void assertRefused(Runnable upload, String field, String message) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(DocumentRefusedException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.getMessage()).contains(message);
        });
        assertThat(stored()).as("rows in documents, document_contents and document_thumbnails").isEqualTo(before);
    }

    private Runnable upload(String name, String fileName, byte[] content) {
        return () -> documents.upload(command(name, fileName), FileContent.of(content));
    }

    private NewDocument command(String name, String fileName) {
        return new NewDocument(JANES_LOAN, openCategory(), name, null, fileName);
    }

    private long openCategory() {
        return documents.uploadCategories().stream().filter(c -> c.purpose() == null).findFirst().orElseThrow().id();
    }

    private int stored() {
        return jdbc.queryForObject("select (select count(*) from documents) + (select count(*) from document_contents)"
                + " + (select count(*) from document_thumbnails)", Integer.class);
    }

    /** Bytes the test thread allocated while the work ran (HotSpot's per-thread counter). */
    private static long allocatedDuring(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - start;
    }
}
