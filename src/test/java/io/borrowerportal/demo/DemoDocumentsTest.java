package io.borrowerportal.demo;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.document.CategorySummary;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSource;
import io.borrowerportal.document.DocumentSummary;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDocumentsTest extends ServiceTest {

    @Autowired
    DocumentService documents;

    @Test
    void janes_loans_carry_a_loan_agreement_naming_their_terms_and_a_welcome_letter_shared_by_staff() throws IOException {
        SignIn.as(users, "jane.borrower@example.com");
        List<DocumentSummary> auto = documents.documents("AUTO-100482");

        DocumentSummary agreement = demo(auto, "Loan agreement");
        assertThat(agreement.categoryName()).isEqualTo("Loan Documents");
        assertThat(agreement.isPdf()).isTrue();
        String text = text("AUTO-100482", agreement.id());
        assertThat(text).contains("Retail Installment Contract and Security Agreement", "AUTO-100482",
                "Jane Borrower (borrower)", "Sam Borrower (co-borrower)", "$24,500.00", "6.99 % fixed",
                "60 monthly payments", "2022 Honda Civic", "late fee of $25.00");
        assertThat(text.lines().count()).as("a real multi-line agreement").isGreaterThan(20);

        DocumentSummary welcome = demo(auto, "Welcome letter");
        assertThat(welcome.categoryName()).isEqualTo("Correspondence");
        assertThat(text("AUTO-100482", welcome.id())).contains("Dear Jane and Sam,", "Documents tab");

        assertThat(text("PL-200731", demo(documents.documents("PL-200731"), "Loan agreement").id()))
                .contains("Personal Loan Agreement", "PL-200731", "$8,000.00", "11.5 % fixed", "36 monthly payments")
                .doesNotContain("Sam Borrower", "Collateral");
        assertThat(documents.uploadCategories()).extracting(CategorySummary::name).contains("Customer Uploads");

        SignIn.as(users, "sam.borrower@example.com");
        assertThat(documents.documents("AUTO-100482")).extracting(DocumentSummary::id)
                .contains(agreement.id(), welcome.id());
    }

    private static DocumentSummary demo(List<DocumentSummary> list, String name) {
        assertThat(list).filteredOn(d -> d.name().equals(name)).hasSize(1);
        DocumentSummary document = list.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        assertThat(document.source()).isEqualTo(DocumentSource.STAFF);
        return document;
    }

    private String text(String loanNumber, long documentId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.writeContent(loanNumber, documentId, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
