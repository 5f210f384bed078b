package io.borrowerportal.document;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentServiceTest extends ServiceTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String JANES_LOAN = "AUTO-100482";
    private static final String ALEXS_LOAN = "PL-200988";

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentArchive archive;
    @Autowired
    AccountLookup accounts;
    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_customer_uploads_a_pdf_to_an_open_category_and_downloads_the_same_bytes() {
        SignIn.as(users, JANE);
        byte[] pdf = TestFiles.pdf("Pay stub");
        DocumentSummary stored = documents.upload(
                new NewDocument(JANES_LOAN, openCategory(), "  Pay stub\u0007 March ", "For the \u202Eadjuster", "../../etc/stub.pdf"),
                FileContent.of(pdf));

        assertThat(stored.name()).isEqualTo("Pay stub March");
        assertThat(stored.description()).isEqualTo("For the adjuster");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.reference()).startsWith("DOC-");
        assertThat(documents.documents(JANES_LOAN)).extracting(DocumentSummary::id).contains(stored.id());
        assertThat(jdbc.queryForObject("select file_label from documents where id = ?", String.class, stored.id()))
                .isEqualTo("stub.pdf");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.writeContent(JANES_LOAN, stored.id(), out);
        assertThat(out.toByteArray()).isEqualTo(pdf);
    }

    @Test
    void the_same_file_twice_on_one_loan_is_recognised_and_nothing_more_is_stored() {
        SignIn.as(users, JANE);
        byte[] pdf = TestFiles.pdf("Twice");
        documents.upload(new NewDocument(JANES_LOAN, openCategory(), "First time", null, "a.pdf"), FileContent.of(pdf));
        int before = count();

        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Second time", null, "b.pdf"),
                FileContent.of(pdf)))
                .isInstanceOf(DocumentRefusedException.class).hasMessageContaining("already on this loan")
                .hasMessageContaining("First time");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void an_exe_renamed_pdf_and_an_html_file_named_png_are_refused_by_their_content() {
        SignIn.as(users, JANE);
        int before = count();
        byte[] exe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Setup", null, "setup.pdf"),
                FileContent.of(exe))).isInstanceOf(DocumentRefusedException.class).hasMessageContaining("PDF, PNG and JPEG");
        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Photo", null, "photo.png"),
                FileContent.of(html))).isInstanceOf(DocumentRefusedException.class).hasMessageContaining("PDF, PNG and JPEG");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_category_closed_for_uploads_and_another_customers_loan_are_refused() {
        SignIn.as(users, JANE);
        long statements = SystemTask.call(() -> jdbc.queryForObject(
                "select id from document_categories where purpose = 'STATEMENTS'", Long.class));
        int before = count();

        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, statements, "Fake statement", null, "s.pdf"),
                FileContent.of(TestFiles.pdf("Fake")))).isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining("cannot be uploaded to that category");
        assertThatThrownBy(() -> documents.upload(new NewDocument(ALEXS_LOAN, openCategory(), "Mine now", null, "m.pdf"),
                FileContent.of(TestFiles.pdf("Forged")))).isInstanceOf(AccountNotFoundException.class);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_document_of_another_loan_cannot_be_read_by_id() {
        long alexsDocument = SystemTask.call(() -> archive.file(accounts.byLoanNumber(ALEXS_LOAN).orElseThrow().id(),
                CategoryPurpose.STATEMENTS, "Alex's statement", null, "s.pdf", FileContent.of(TestFiles.pdf("Alex"))).id());

        SignIn.as(users, JANE);
        assertThatThrownBy(() -> documents.writeContent(JANES_LOAN, alexsDocument, new ByteArrayOutputStream()))
                .isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> documents.writeContent(ALEXS_LOAN, alexsDocument, new ByteArrayOutputStream()))
                .isInstanceOf(AccountNotFoundException.class);
        assertThat(documents.documents(JANES_LOAN)).extracting(DocumentSummary::id).doesNotContain(alexsDocument);
    }

    @Test
    void an_upload_during_a_staff_preview_is_refused() {
        SignIn.as(users, "staff@example.com");
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        previews.start(jane, context -> { });
        int before = count();

        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Preview", null, "p.pdf"),
                FileContent.of(TestFiles.pdf("Preview")))).isInstanceOf(AccessDeniedException.class);
        assertThat(documents.documents(JANES_LOAN)).isNotNull();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_statement_filed_by_the_lender_shows_in_its_category() {
        long account = SystemTask.call(() -> accounts.byLoanNumber(JANES_LOAN).orElseThrow().id());
        DocumentSummary filed = SystemTask.call(() -> archive.file(account, CategoryPurpose.STATEMENTS,
                "Statement test", "A test statement", "statement.pdf", FileContent.of(TestFiles.pdf("Statement"))));

        SignIn.as(users, JANE);
        assertThat(documents.documents(JANES_LOAN)).filteredOn(d -> d.id() == filed.id()).singleElement()
                .satisfies(d -> {
                    assertThat(d.categoryName()).isEqualTo("Statements");
                    assertThat(d.source()).isEqualTo(DocumentSource.LENDER);
                });
    }

    private long openCategory() {
        return documents.uploadCategories().stream().filter(c -> c.purpose() == null).findFirst().orElseThrow().id();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from documents", Integer.class)
                + jdbc.queryForObject("select count(*) from document_contents", Integer.class);
    }
}
