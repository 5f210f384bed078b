package io.borrowerportal.document.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import io.borrowerportal.ViewTest;
import io.borrowerportal.document.StaffDocumentNavigation;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.document.DocumentProperties;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StaffDocumentsViewTest extends ViewTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DocumentProperties properties;

    @Test
    @WithUserDetails("staff@example.com")
    void a_loan_opened_from_its_link_shows_its_documents_and_the_share_button() {
        openLoan("AUTO-100482");

        assertThat($(TextField.class).id("loan-number").getValue()).isEqualTo("AUTO-100482");
        assertThat($(H2.class).id("loan-title").getText()).isEqualTo("AUTO-100482 · 2022 Honda Civic auto loan");
        assertThat($(Button.class).id("share-document").getText()).isEqualTo("Share a document");
        int documents = jdbc.queryForObject("select count(*) from documents d join loan_accounts a on a.id = d.account_id "
                + "where a.loan_number = 'AUTO-100482'", Integer.class);
        if (documents == 0) {
            assertThat($(Paragraph.class).id("no-documents").getText()).isEqualTo("No documents on this loan yet.");
        } else {
            assertThat(test($(Grid.class).id("documents")).size()).isEqualTo(documents);
        }
    }

    @Test
    @WithUserDetails("staff@example.com")
    void an_unknown_loan_number_is_refused_beside_the_field() {
        navigate(StaffDocumentsView.class);
        assertThat($(Div.class).withId("loan-documents").exists()).as("nothing shown before a loan is chosen").isFalse();

        test($(TextField.class).id("loan-number")).setValue("AUTO-999999");
        test($(Button.class).id("show-loan")).click();

        TextField loan = $(TextField.class).id("loan-number");
        assertThat(loan.isInvalid()).isTrue();
        assertThat(loan.getErrorMessage()).isEqualTo("No loan has the number AUTO-999999. Check the number and try again.");
        assertThat($(Div.class).withId("loan-documents").exists()).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void the_share_dialog_shows_each_missing_field_beside_it_and_a_bad_file_beside_the_upload() {
        openLoan("AUTO-100482");
        test($(Button.class).id("share-document")).click();
        int before = count();

        test($(Button.class).id("share-submit")).click();

        @SuppressWarnings("unchecked")
        Select<Object> category = $(Select.class).id("share-category");
        assertThat(category.isInvalid()).isTrue();
        assertThat(category.getErrorMessage()).isEqualTo("Choose a category for the document.");
        assertThat($(TextField.class).id("share-name").isInvalid()).isTrue();
        assertThat($(TextField.class).id("share-name").getErrorMessage()).isEqualTo("Give the document a name.");
        assertThat($(Div.class).id("share-file-error").getText()).isEqualTo("Choose the file to share.");
        assertThat(test(category).getSuggestions()).as("statements are the portal's own")
                .contains("Loan Documents", "Correspondence").doesNotContain("Statements");

        test(category).selectItem("Loan Documents");
        test($(TextField.class).id("share-name")).setValue("Setup");
        test($(Upload.class).id("share-upload")).upload("setup.pdf", "application/pdf",
                "MZ\u0090 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1));
        assertThat($(Span.class).id("share-file-name").getText()).isEqualTo("Chosen: setup.pdf");
        test($(Button.class).id("share-submit")).click();

        assertThat($(Div.class).id("share-file-error").getText()).contains("Only PDF, PNG and JPEG files");
        assertThat(category.isInvalid()).isFalse();
        assertThat($(TextField.class).id("share-name").isInvalid()).isFalse();
        assertThat($(Dialog.class).id("share-dialog").isOpened()).isTrue();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_file_over_the_limit_is_refused_beside_the_upload() {
        openLoan("AUTO-100482");
        test($(Button.class).id("share-document")).click();

        test($(Upload.class).id("share-upload")).upload("big.pdf", "application/pdf",
                new byte[(int) properties.maxSize().toBytes() + 1]);

        assertThat($(Div.class).id("share-file-error").getText())
                .isEqualTo("The file is larger than 10 MB, so it was not received. Choose a smaller file.");
        assertThat($(Span.class).withId("share-file-name").exists()).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void sharing_a_pdf_lists_it_and_says_both_borrowers_were_emailed() {
        openLoan("AUTO-100482");
        test($(Button.class).id("share-document")).click();
        String name = "Lien release " + UUID.randomUUID().toString().substring(0, 8);

        test($(Select.class).id("share-category")).selectItem("Correspondence");
        test($(TextField.class).id("share-name")).setValue(name);
        test($(Upload.class).id("share-upload")).upload("lien.pdf", "application/pdf", TestFiles.pdf("Lien"));
        test($(Button.class).id("share-submit")).click();

        assertThat($(Dialog.class).withId("share-dialog").exists()).isFalse();
        assertThat($(Paragraph.class).id("share-result").getText()).isEqualTo("Shared \"" + name
                + "\" in Correspondence. The 2 customers on the loan were emailed.");
        @SuppressWarnings("unchecked")
        Grid<DocumentSummary> documents = $(Grid.class).id("documents");
        DocumentSummary first = test(documents).getRow(0);
        assertThat(first.name()).isEqualTo(name);
        assertThat(test(documents).getCellText(0, 4)).isEqualTo("Staff");
        Anchor download = (Anchor) test(documents).getCellComponent(0, 2);
        assertThat(download.getText()).startsWith("Download PDF, ");
        assertThat(download.getId()).contains("download-" + first.id());
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_the_staff_documents() {
        navigate("staff/documents", NotFoundView.class);
        assertThat($(Div.class).withClassName("staff-documents").exists()).isFalse();
    }

    /** As the link from a customer's loan does: the page with {@code ?loan=...}. */
    private void openLoan(String loanNumber) {
        navigate(StaffDocumentsView.class);
        UI.getCurrent().navigate("staff/documents", QueryParameters.of(StaffDocumentNavigation.LOAN, loanNumber));
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from documents", Integer.class);
    }
}
