package io.borrowerportal.document.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.document.CategorySummary;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.TestFiles;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** "Upload New Document": category first, then name and description, then the file; every refusal beside its field. */
class UploadDocumentDialogTest extends ViewTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String PAGE = "accounts/AUTO-100482/documents";

    @Autowired
    DocumentService documents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;

    @Test
    @WithUserDetails(JANE)
    void name_description_and_file_stay_disabled_until_a_category_is_picked_and_only_open_categories_are_offered() {
        UploadDocumentDialog dialog = open();

        assertThat(dialog.category.getListDataView().getItems().map(CategorySummary::name).toList())
                .containsExactlyElementsOf(documents.uploadCategories().stream().map(CategorySummary::name).toList())
                .contains("Proof of Insurance", "Customer Uploads")
                .doesNotContain("Statements", "Loan Documents", "Correspondence");
        assertThat(dialog.name.isEnabled()).isFalse();
        assertThat(dialog.description.isEnabled()).isFalse();
        assertThat(dialog.upload.isEnabled()).isFalse();
        assertThat(dialog.submit.isEnabled()).isFalse();

        pickCustomerUploads(dialog);
        assertThat(dialog.name.isEnabled()).isTrue();
        assertThat(dialog.description.isEnabled()).isTrue();
        assertThat(dialog.upload.isEnabled()).isTrue();
        assertThat(dialog.submit.isEnabled()).as("no name and no file yet").isFalse();

        test(dialog.name).setValue("Pay stub");
        assertThat(dialog.submit.isEnabled()).as("no file yet").isFalse();
        dialog.received(tempFile(TestFiles.pdf("Dialog")), "stub.pdf");
        assertThat(dialog.submit.isEnabled()).isTrue();
        test(dialog.name).setValue(" ");
        assertThat(dialog.submit.isEnabled()).as("the name is required").isFalse();
    }

    @Test
    @WithUserDetails(JANE)
    void a_file_that_arrives_after_the_dialog_was_closed_is_deleted_at_once() {
        UploadDocumentDialog dialog = open();
        pickCustomerUploads(dialog);
        dialog.close();
        Path late = tempFile(TestFiles.pdf("Late"));

        dialog.received(late, "late.pdf");

        assertThat(Files.exists(late)).isFalse();
        assertThat(dialog.hasFile()).isFalse();
    }

    @Test
    @WithUserDetails(JANE)
    void a_pdf_uploaded_through_the_dialog_appears_on_the_tab_and_its_temporary_file_is_gone() {
        String name = "Pay stub " + UUID.randomUUID().toString().substring(0, 8);
        UploadDocumentDialog dialog = open();
        pickCustomerUploads(dialog);
        test(dialog.name).setValue(name);
        test(dialog.description).setValue("March");
        Path file = tempFile(TestFiles.pdf("Uploaded"));
        dialog.received(file, "../stub.pdf");

        test(dialog.submit).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(Files.exists(file)).isFalse();
        assertThat(test($(Notification.class).last()).getText()).isEqualTo("\"" + name + "\" was uploaded to Customer Uploads.");
        DocumentSummary stored = documents.documents("AUTO-100482").stream().filter(d -> d.name().equals(name))
                .findFirst().orElseThrow();
        assertThat($(Div.class).id("document-" + stored.reference()).getElement().getTextRecursively())
                .contains(name, "March", "Customer Uploads");
    }

    @Test
    @WithUserDetails(JANE)
    void a_file_that_is_not_a_document_is_refused_beside_the_file_and_nothing_is_stored() {
        int before = count();
        UploadDocumentDialog dialog = fill("Setup");
        Path exe = tempFile("MZ\u0090\u0000 This program".getBytes(StandardCharsets.ISO_8859_1));
        dialog.received(exe, "setup.pdf");

        test(dialog.submit).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.fileError.isVisible()).isTrue();
        assertThat(dialog.fileError.getText()).startsWith("Only PDF, PNG and JPEG files can be uploaded");
        assertThat(dialog.name.isInvalid()).isFalse();
        assertThat(count()).isEqualTo(before);
        test($(Button.class).id("upload-cancel")).click();
        assertThat(Files.exists(exe)).as("the temporary file is deleted when the dialog closes").isFalse();
    }

    @Test
    @WithUserDetails(JANE)
    void the_same_file_again_is_refused_beside_the_file_naming_the_document_already_there() {
        byte[] pdf = TestFiles.pdf("Twice through the dialog");
        UploadDocumentDialog first = fill("First copy " + UUID.randomUUID().toString().substring(0, 8));
        first.received(tempFile(pdf), "a.pdf");
        test(first.submit).click();
        assertThat(first.isOpened()).isFalse();

        UploadDocumentDialog second = fill("Second copy");
        second.received(tempFile(pdf), "b.pdf");
        test(second.submit).click();
        assertThat(second.fileError.getText()).startsWith("This file is already on this loan: \"First copy");
    }

    @Test
    @WithUserDetails(JANE)
    void a_name_or_description_the_service_refuses_is_shown_on_its_field() {
        int before = count();
        UploadDocumentDialog dialog = fill("\u0007\u200B");
        dialog.received(tempFile(TestFiles.pdf("Bad name")), "a.pdf");
        test(dialog.submit).click();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Give the document a name.");

        test(dialog.name).setValue("Good name");
        assertThat(dialog.name.isInvalid()).as("typing clears the message").isFalse();
        // The browser stops at 500 characters; a forged request does not.
        dialog.description.setValue("d".repeat(501));
        test(dialog.submit).click();
        assertThat(dialog.description.isInvalid()).isTrue();
        assertThat(dialog.description.getErrorMessage()).isEqualTo("Keep the description to 500 characters.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @WithUserDetails(JANE)
    void a_category_the_lender_closed_while_the_dialog_was_open_is_refused_on_the_category() {
        UploadDocumentDialog dialog = fill("Too late");
        dialog.received(tempFile(TestFiles.pdf("Closed")), "a.pdf");
        int before = count();
        setUploads("Customer Uploads", false);
        try {
            test(dialog.submit).click();
        } finally {
            setUploads("Customer Uploads", true);
        }
        assertThat(dialog.category.isInvalid()).isTrue();
        assertThat(dialog.category.getErrorMessage()).startsWith("Documents cannot be uploaded to that category.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @WithUserDetails(JANE)
    void a_file_over_the_limit_or_broken_off_is_refused_beside_the_file() {
        UploadDocumentDialog dialog = fill("Large");
        Path file = tempFile(TestFiles.pdf("Was fine"));
        dialog.received(file, "a.pdf");

        dialog.tooLarge();
        assertThat(dialog.fileError.getText()).isEqualTo("The file is larger than 10 MB, the most that can be uploaded.");
        assertThat(dialog.submit.isEnabled()).isFalse();
        assertThat(Files.exists(file)).as("the earlier file is given up").isFalse();
        dialog.failed();
        assertThat(dialog.fileError.getText()).isEqualTo(UploadDocumentDialog.UPLOAD_FAILED);
    }

    @Test
    @WithUserDetails(JANE)
    void without_a_category_open_for_uploads_there_is_no_upload_button() {
        List<String> open = SystemTask.call(() -> jdbc.queryForList(
                "select name from document_categories where customer_upload = true", String.class));
        open.forEach(name -> setUploads(name, false));
        try {
            navigate(PAGE, DocumentsView.class);
            assertThat($(Button.class).withId("documents-upload").exists()).isFalse();
        } finally {
            open.forEach(name -> setUploads(name, true));
        }
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_staff_preview_has_no_upload_button() {
        previews.start(SystemTask.call(() -> customers.idOf(JANE).orElseThrow()), context -> { });
        navigate(PAGE, DocumentsView.class);
        assertThat($(Div.class).id("documents-list").isVisible()).isTrue();
        assertThat($(Button.class).withId("documents-upload").exists()).isFalse();
    }

    private UploadDocumentDialog open() {
        navigate(PAGE, DocumentsView.class);
        test($(Button.class).id("documents-upload")).click();
        Dialog dialog = $(Dialog.class).id("upload-dialog");
        assertThat(dialog.isOpened()).isTrue();
        assertThat($(Select.class).id("upload-category")).isSameAs(((UploadDocumentDialog) dialog).category);
        assertThat($(TextField.class).id("upload-name")).isNotNull();
        assertThat($(TextArea.class).id("upload-description")).isNotNull();
        assertThat($(Upload.class).id("upload-file")).isNotNull();
        return (UploadDocumentDialog) dialog;
    }

    private UploadDocumentDialog fill(String name) {
        UploadDocumentDialog dialog = open();
        pickCustomerUploads(dialog);
        test(dialog.name).setValue(name);
        return dialog;
    }

    private void pickCustomerUploads(UploadDocumentDialog dialog) {
        test(dialog.category).selectItem("Customer Uploads");
    }

    private void setUploads(String category, boolean open) {
        jdbc.update("update document_categories set customer_upload = ? where name = ?", open, category);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from documents", Integer.class);
    }

    private static Path tempFile(byte[] content) {
        try {
            Path file = Files.createTempFile("dialog-test-", ".part");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
