package io.borrowerportal.document.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.borrowerportal.StatementCount;
import io.borrowerportal.TenYearBorrower;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.document.CategoryPurpose;
import io.borrowerportal.document.DocumentArchive;
import io.borrowerportal.document.DocumentDownload;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.document.NewDocument;
import io.borrowerportal.document.TestFiles;
import io.borrowerportal.security.SystemTask;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DocumentsViewTest extends ViewTest {

    private static final String JANES_LOAN = "AUTO-100482";

    @Autowired
    DocumentService documents;
    @Autowired
    DocumentArchive archive;
    @Autowired
    AccountLookup accounts;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void each_document_is_a_card_with_its_thumbnail_view_and_download_and_the_list_filters_by_category() {
        String name = "Welcome letter " + UUID.randomUUID().toString().substring(0, 8);
        DocumentSummary letter = file(JANES_LOAN, CategoryPurpose.STATEMENTS, name);
        long customerUploads = documents.uploadCategories().stream().filter(c -> c.name().equals("Customer Uploads"))
                .findFirst().orElseThrow().id();
        DocumentSummary upload = documents.upload(new NewDocument(JANES_LOAN, customerUploads, "Photo of title", null,
                "title.png"), FileContent.of(TestFiles.png(30, 20)));
        navigate("accounts/" + JANES_LOAN + "/documents", DocumentsView.class);

        Div card = $(Div.class).id("document-" + letter.reference());
        assertThat(card.getElement().getTextRecursively()).contains(name, "Statements", "PDF · " + DocumentsView.size(letter.size()), "Added ",
                "from the lender");
        Image thumbnail = $(Image.class).id("document-thumbnail-" + letter.reference());
        assertThat(thumbnail.getAlt()).contains("First page of " + name);
        assertThat(thumbnail.getElement().getAttribute("loading")).isEqualTo("lazy");
        assertThat(thumbnail.getSrc()).isNotBlank();
        Anchor view = $(Anchor.class).id("document-view-" + letter.reference());
        assertThat(view.getHref()).isNotBlank();
        assertThat(view.getElement().getAttribute("target")).isEqualTo("_blank");
        assertThat($(Anchor.class).id("document-download-" + letter.reference()).getHref()).isNotBlank();

        @SuppressWarnings("unchecked")
        Select<String> filter = $(Select.class).id("documents-filter");
        assertThat(filter.getListDataView().getItems()).contains(DocumentsView.ALL, "Statements", "Customer Uploads");
        test(filter).selectItem("Customer Uploads");
        assertThat($(Div.class).withId("document-" + letter.reference()).exists()).isFalse();
        assertThat($(Div.class).withId("document-" + upload.reference()).exists()).isTrue();
        test(filter).selectItem("Statements");
        assertThat($(Div.class).withId("document-" + letter.reference()).exists()).isTrue();
        assertThat($(Div.class).withId("document-" + upload.reference()).exists()).isFalse();
        test(filter).selectItem(DocumentsView.ALL);
        assertThat($(Div.class).withId("document-" + upload.reference()).exists()).isTrue();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_download_sends_the_stored_type_nosniff_and_both_names_and_the_same_bytes() throws Exception {
        byte[] pdf = TestFiles.pdf("Download me");
        DocumentSummary stored = SystemTask.call(() -> archive.file(accounts.byLoanNumber(JANES_LOAN).orElseThrow().id(),
                CategoryPurpose.STATEMENTS, "Statement Ü", null, "Statement März.pdf", FileContent.of(pdf)));

        Sent attachment = send(DocumentLinks.content(documents, JANES_LOAN, stored.id(), false));
        assertThat(attachment.headers).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Content-Disposition", "attachment; filename=\"" + stored.reference()
                        + ".pdf\"; filename*=UTF-8''Statement%20M%C3%A4rz.pdf");
        verify(attachment.response).setContentType("application/pdf");
        assertThat(attachment.body.toByteArray()).isEqualTo(pdf);

        Sent inline = send(DocumentLinks.content(documents, JANES_LOAN, stored.id(), true));
        assertThat(inline.headers.get("Content-Disposition")).startsWith("inline; filename=\"" + stored.reference() + ".pdf\"");
        assertThat(inline.body.toByteArray()).isEqualTo(pdf);

        Sent thumbnail = send(DocumentLinks.thumbnail(documents, JANES_LOAN, stored.id()));
        verify(thumbnail.response).setContentType("image/png");
        assertThat(thumbnail.body.toByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_request_for_a_document_of_another_loan_gets_404_and_nothing() throws Exception {
        DocumentSummary alexs = file("PL-200988", CategoryPurpose.STATEMENTS, "Alex's letter");

        Sent forged = send(DocumentLinks.content(documents, JANES_LOAN, alexs.id(), false));
        verify(forged.response).setStatus(404);
        assertThat(forged.body.size()).isZero();
        assertThat(forged.headers).doesNotContainKey("Content-Disposition");
        Sent forgedLoan = send(DocumentLinks.thumbnail(documents, "PL-200988", alexs.id()));
        verify(forgedLoan.response).setStatus(404);
        assertThat(forgedLoan.body.size()).isZero();
    }

    @Test
    void the_content_disposition_label_is_percent_encoded_and_the_stored_name_stays_plain() {
        assertThat(DocumentLinks.contentDisposition(false, new DocumentDownload(1, "DOC-AB12.pdf", "a \"b\";c.pdf",
                "application/pdf", 1))).isEqualTo("attachment; filename=\"DOC-AB12.pdf\"; filename*=UTF-8''a%20%22b%22%3Bc.pdf");
        assertThat(DocumentLinks.encode("ø/€")).isEqualTo("%C3%B8%2F%E2%82%AC");
    }

    @Test
    @WithUserDetails(TenYearBorrower.EMAIL)
    void rendering_the_tab_issues_the_same_few_statements_for_one_document_or_thirty() {
        for (int i = 0; i < 30; i++) {
            file(TenYearBorrower.LONG_LOAN, CategoryPurpose.STATEMENTS, "Statement " + i);
        }
        file(TenYearBorrower.SHORT_LOAN, CategoryPurpose.STATEMENTS, "Only statement");
        int many = documentsOn(TenYearBorrower.LONG_LOAN);
        int few = documentsOn(TenYearBorrower.SHORT_LOAN);

        long manyStatements = statementsToRender(TenYearBorrower.LONG_LOAN);
        assertThat($(Div.class).id("documents-list").getChildren().count()).isEqualTo(many);
        long fewStatements = statementsToRender(TenYearBorrower.SHORT_LOAN);
        assertThat($(Div.class).id("documents-list").getChildren().count()).isEqualTo(few);

        System.out.printf("[sql] statements to render the Documents tab: %d (%d documents) / %d (%d documents)%n",
                manyStatements, many, fewStatements, few);
        assertThat(many).isGreaterThanOrEqualTo(30);
        assertThat(manyStatements).isBetween(1L, 5L).isEqualTo(fewStatements);
    }

    /** The statements of a render: the fewest of three, as {@link StatementCount} explains. */
    private long statementsToRender(String loanNumber) {
        return StatementCount.fewestOfThree(entityManagerFactory,
                () -> navigate("accounts/" + loanNumber + "/documents", DocumentsView.class));
    }

    private int documentsOn(String loanNumber) {
        return jdbc.queryForObject("select count(*) from documents d join loan_accounts a on a.id = d.account_id "
                + "join document_categories c on c.id = d.category_id where a.loan_number = ? and c.customer_visible = true",
                Integer.class, loanNumber);
    }

    private DocumentSummary file(String loanNumber, CategoryPurpose purpose, String name) {
        return SystemTask.call(() -> archive.file(accounts.byLoanNumber(loanNumber).orElseThrow().id(), purpose, name,
                "A letter", name + ".pdf", FileContent.of(TestFiles.pdf(name))));
    }

    private record Sent(VaadinResponse response, Map<String, String> headers, ByteArrayOutputStream body) {
    }

    /** Runs the handler as Vaadin would for one request, recording the response. */
    private Sent send(DownloadHandler handler) throws Exception {
        VaadinResponse response = mock(VaadinResponse.class);
        Map<String, String> headers = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        doAnswer(call -> headers.put(call.getArgument(0), call.getArgument(1))).when(response).setHeader(anyString(), anyString());
        when(response.containsHeader(anyString())).thenAnswer(call -> headers.containsKey(call.<String>getArgument(0)));
        when(response.getOutputStream()).thenReturn(body);
        Element element = new Div().getElement();
        handler.handleDownloadRequest(new DownloadEvent(mock(VaadinRequest.class), response, mock(VaadinSession.class), element));
        return new Sent(response, headers, body);
    }
}
