package io.borrowerportal.document;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffDocumentsTest extends ServiceTest {

    private static final String STAFF = "staff@example.com";
    private static final String ADMIN = "admin@example.com";
    private static final String JANE = "jane.borrower@example.com";
    private static final String SAM = "sam.borrower@example.com";
    private static final String AUTO_LOAN = "AUTO-100482";

    @Autowired
    StaffDocuments staffDocuments;
    @Autowired
    DocumentCategories categories;
    @Autowired
    DocumentService customerDocuments;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTestCategories() {
        jdbc.update("delete from document_contents where document_id in (select d.id from documents d join "
                + "document_categories c on c.id = d.category_id where c.name like 'Test %')");
        jdbc.update("delete from documents where category_id in (select id from document_categories where name like 'Test %')");
        jdbc.update("delete from document_categories where name like 'Test %'");
    }

    @Test
    void a_shared_document_is_stored_as_staffs_seen_by_both_borrowers_emailed_once_to_each_and_audited() {
        SignIn.as(users, STAFF);
        String name = "Title copy " + UUID.randomUUID().toString().substring(0, 8);
        byte[] pdf = TestFiles.pdf("Title");

        ShareOutcome outcome = staffDocuments.share(new SharedDocument(" " + AUTO_LOAN + " ", category("Loan Documents"),
                name, "The lien is recorded", "title.pdf"), FileContent.of(pdf));

        DocumentSummary shared = outcome.document();
        assertThat(shared.source()).isEqualTo(DocumentSource.STAFF);
        assertThat(shared.categoryName()).isEqualTo("Loan Documents");
        assertThat(shared.loanNumber()).isEqualTo(AUTO_LOAN);
        assertThat(jdbc.queryForObject("select uploaded_by from documents where id = ?", String.class, shared.id()))
                .isEqualTo(STAFF);
        assertThat(jdbc.queryForObject("select customer_id from documents where id = ?", Long.class, shared.id())).isNull();
        assertThat(outcome.customersNotified()).isEqualTo(2);
        assertThat(emailsAbout(JANE, name)).isEqualTo(1);
        assertThat(emailsAbout(SAM, name)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'DOCUMENT_SHARED' and actor = ? "
                        + "and loan_number = ? and detail like ?", Integer.class, STAFF, AUTO_LOAN,
                shared.reference() + " %Loan Documents%2 customers emailed")).isEqualTo(1);

        SignIn.as(users, JANE);
        assertThat(customerDocuments.documents(AUTO_LOAN)).extracting(DocumentSummary::id).contains(shared.id());
        SignIn.as(users, SAM);
        assertThat(customerDocuments.documents(AUTO_LOAN)).extracting(DocumentSummary::id).contains(shared.id());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        customerDocuments.writeContent(AUTO_LOAN, shared.id(), out);
        assertThat(out.toByteArray()).isEqualTo(pdf);
    }

    @Test
    void a_document_in_a_category_hidden_from_customers_is_listed_for_staff_only_and_emails_nobody() {
        SignIn.as(users, ADMIN);
        long hidden = categories.save(CategoryChange.add("Test underwriting notes", false, false)).id();
        String name = "Underwriting " + UUID.randomUUID().toString().substring(0, 8);

        byte[] png = TestFiles.png(40, 30);
        ShareOutcome outcome = staffDocuments.share(new SharedDocument(AUTO_LOAN, hidden, name, null, "notes.png"),
                FileContent.of(png));

        assertThat(outcome.customersNotified()).isZero();
        assertThat(emailsAbout(JANE, name)).isZero();
        assertThat(staffDocuments.documents(AUTO_LOAN).documents()).extracting(DocumentSummary::id)
                .contains(outcome.document().id());
        SignIn.as(users, JANE);
        assertThat(customerDocuments.documents(AUTO_LOAN)).extracting(DocumentSummary::id)
                .doesNotContain(outcome.document().id());

        // The same file from Jane is refused as a duplicate without naming the document she cannot see.
        long open = customerDocuments.uploadCategories().stream().filter(c -> c.purpose() == null).findFirst()
                .orElseThrow().id();
        assertThatThrownBy(() -> customerDocuments.upload(new NewDocument(AUTO_LOAN, open, "My notes", null,
                "notes.png"), FileContent.of(png)))
                .isInstanceOfSatisfying(DocumentRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("already has this file").doesNotContain(name);
                });
    }

    @Test
    void staff_download_a_document_of_any_loan_as_stored_and_the_read_is_audited() {
        SignIn.as(users, JANE);
        byte[] pdf = TestFiles.pdf("Jane's pay stub");
        long upload = customerDocuments.upload(new NewDocument(AUTO_LOAN, category("Customer Uploads"), "Pay stub",
                null, "stub.pdf"), FileContent.of(pdf)).id();

        SignIn.as(users, STAFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        staffDocuments.writeContent(upload, out);

        assertThat(out.toByteArray()).isEqualTo(pdf);
        assertThat(staffDocuments.document(upload).source()).isEqualTo(DocumentSource.CUSTOMER);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'DOCUMENT_OPENED_BY_STAFF' "
                + "and actor = ? and loan_number = ?", Integer.class, STAFF, AUTO_LOAN)).isPositive();
    }

    @Test
    void a_customer_cannot_call_the_staff_side() {
        SignIn.as(users, JANE);
        int before = documentCount();

        assertThatThrownBy(() -> staffDocuments.share(new SharedDocument(AUTO_LOAN, category("Loan Documents"),
                "Forged", null, "f.pdf"), FileContent.of(TestFiles.pdf("Forged"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> staffDocuments.documents("PL-200988")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> categories.categories()).isInstanceOf(AccessDeniedException.class);
        assertThat(documentCount()).isEqualTo(before);
    }

    @Test
    void refused_shares_store_nothing_email_nobody_and_say_which_field_is_wrong() {
        SignIn.as(users, STAFF);
        long loanDocuments = category("Loan Documents");
        int documents = documentCount();
        int emails = jdbc.queryForObject("select count(*) from email_outbox", Integer.class);
        int shares = jdbc.queryForObject("select count(*) from audit_events where action = 'DOCUMENT_SHARED'", Integer.class);
        byte[] exe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(new SharedDocument(AUTO_LOAN, loanDocuments, "Setup", null, "setup.pdf"), exe, "file",
                "PDF, PNG and JPEG");
        assertRefused(new SharedDocument(AUTO_LOAN, loanDocuments, "Empty", null, "empty.pdf"), new byte[0], "file",
                "empty");
        assertRefused(new SharedDocument("AUTO-999999", loanDocuments, "Lost", null, "l.pdf"), TestFiles.pdf("Lost"),
                "loan", "No loan has the number AUTO-999999");
        assertRefused(new SharedDocument("", loanDocuments, "Lost", null, "l.pdf"), TestFiles.pdf("Lost"),
                "loan", "Enter a loan number");
        assertRefused(new SharedDocument(AUTO_LOAN, null, "No category", null, "n.pdf"), TestFiles.pdf("None"),
                "category", "Choose a category");
        assertRefused(new SharedDocument(AUTO_LOAN, category("Statements"), "Fake statement", null, "s.pdf"),
                TestFiles.pdf("Fake"), "category", "Statements are written by the portal");
        assertRefused(new SharedDocument(AUTO_LOAN, loanDocuments, " \u0007 ", null, "n.pdf"), TestFiles.pdf("Nameless"),
                "name", "Give the document a name");
        assertRefused(new SharedDocument(AUTO_LOAN, loanDocuments, "Card 4111.1111.1111.1111", null, "c.pdf"),
                TestFiles.pdf("Card"), "name", "cannot hold a card number");
        assertRefused(new SharedDocument(AUTO_LOAN, loanDocuments, "Payment form", "Paid with 4111/1111/1111/1111",
                "c.pdf"), TestFiles.pdf("Card"), "description", "cannot hold a card number");

        assertThat(documentCount()).isEqualTo(documents);
        assertThat(jdbc.queryForObject("select count(*) from email_outbox", Integer.class)).isEqualTo(emails);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'DOCUMENT_SHARED'", Integer.class))
                .isEqualTo(shares);
    }

    private void assertRefused(SharedDocument command, byte[] file, String field, String message) {
        assertThatThrownBy(() -> staffDocuments.share(command, FileContent.of(file)))
                .isInstanceOfSatisfying(DocumentRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private long category(String name) {
        return jdbc.queryForObject("select id from document_categories where name = ?", Long.class, name);
    }

    private int emailsAbout(String to, String documentName) {
        return jdbc.queryForObject("select count(*) from email_outbox where recipient = ? and subject = ? and body like ?",
                Integer.class, to, StaffDocuments.NEW_DOCUMENT_SUBJECT, "%" + documentName + "%");
    }

    private int documentCount() {
        return jdbc.queryForObject("select count(*) from documents", Integer.class);
    }
}
