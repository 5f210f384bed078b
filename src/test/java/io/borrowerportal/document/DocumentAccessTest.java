package io.borrowerportal.document;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountLookup;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading documents: thumbnails and downloads for the loan's customers only, and what a staff preview may do. */
class DocumentAccessTest extends ServiceTest {

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
    void jane_cannot_read_download_or_get_the_thumbnail_of_a_document_on_alexs_loan_by_id() {
        long alexs = fileFor(ALEXS_LOAN, "Alex's statement");
        SignIn.as(users, JANE);

        assertThatThrownBy(() -> documents.document(JANES_LOAN, alexs)).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> documents.download(JANES_LOAN, alexs)).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> documents.writeContent(JANES_LOAN, alexs, new ByteArrayOutputStream()))
                .isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> documents.thumbnail(JANES_LOAN, alexs)).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> documents.document(ALEXS_LOAN, alexs)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> documents.download(ALEXS_LOAN, alexs)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> documents.thumbnail(ALEXS_LOAN, alexs)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> documents.documents(ALEXS_LOAN)).isInstanceOf(AccountNotFoundException.class);
        assertThat(jdbc.queryForObject("select count(*) from document_thumbnails where document_id = ?", Integer.class,
                alexs)).as("no thumbnail was rendered for her").isZero();
    }

    @Test
    void a_documents_download_names_it_by_its_reference_and_its_label_with_the_real_type() {
        SignIn.as(users, JANE);
        byte[] png = TestFiles.png(40, 30);
        DocumentSummary stored = documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Car photo", null,
                "front of car.jpeg"), FileContent.of(png));

        DocumentDownload download = documents.download(JANES_LOAN, stored.id());
        assertThat(download.storedName()).isEqualTo(stored.reference() + ".png");
        assertThat(download.label()).isEqualTo("front of car.png");
        assertThat(download.contentType()).isEqualTo("image/png");
        assertThat(download.size()).isEqualTo(png.length);
    }

    @Test
    void a_pdfs_thumbnail_is_its_first_page_fitted_to_200_pixels_and_kept_after_the_first_request() throws IOException {
        long id = fileFor(JANES_LOAN, "Large page", TestFiles.pdf("Large page", new PDRectangle(14_000, 10_000)));
        SignIn.as(users, JANE);

        byte[] first = documents.thumbnail(JANES_LOAN, id).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
        // 14,000 x 10,000 points (about 16 x 11 feet) drawn at 1/70 of a point per pixel, not at its own size.
        assertThat(image.getWidth()).isBetween(199, 200);
        assertThat(image.getHeight()).isBetween(142, 143);
        assertThat(jdbc.queryForObject("select count(*) from document_thumbnails where document_id = ?", Integer.class, id))
                .isOne();
        assertThat(documents.thumbnail(JANES_LOAN, id).orElseThrow()).isEqualTo(first);
    }

    @Test
    void a_pictures_preview_is_scaled_down_to_200_pixels() throws IOException {
        SignIn.as(users, JANE);
        DocumentSummary photo = documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Receipt photo", null,
                "receipt.jpg"), FileContent.of(TestFiles.jpeg(3000, 4000)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(documents.thumbnail(JANES_LOAN, photo.id()).orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(267);
    }

    @Test
    void a_staff_preview_sees_documents_thumbnails_and_downloads_but_cannot_upload() {
        long id = fileFor(JANES_LOAN, "Welcome letter");
        SignIn.as(users, "staff@example.com");
        long jane = SystemTask.call(() -> customers.idOf(JANE).orElseThrow());
        previews.start(jane, context -> { });
        int before = jdbc.queryForObject("select count(*) from documents", Integer.class);

        assertThat(documents.documents(JANES_LOAN)).extracting(DocumentSummary::id).contains(id);
        assertThat(documents.thumbnail(JANES_LOAN, id)).isPresent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.writeContent(JANES_LOAN, id, out);
        assertThat(out.size()).isEqualTo(documents.download(JANES_LOAN, id).size());
        assertThatThrownBy(() -> documents.upload(new NewDocument(JANES_LOAN, openCategory(), "Preview", null, "p.pdf"),
                FileContent.of(TestFiles.pdf("Preview")))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from documents", Integer.class)).isEqualTo(before);
    }

    private long fileFor(String loanNumber, String name) {
        return fileFor(loanNumber, name, TestFiles.pdf(name));
    }

    private long fileFor(String loanNumber, String name, byte[] pdf) {
        return SystemTask.call(() -> archive.file(accounts.byLoanNumber(loanNumber).orElseThrow().id(),
                CategoryPurpose.STATEMENTS, name, null, name + ".pdf", FileContent.of(pdf)).id());
    }

    private long openCategory() {
        return documents.uploadCategories().stream().filter(c -> c.purpose() == null).findFirst().orElseThrow().id();
    }
}
