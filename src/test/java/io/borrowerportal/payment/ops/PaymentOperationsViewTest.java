package io.borrowerportal.payment.ops;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.payment.AchExport;
import io.borrowerportal.payment.AchFileSummary;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentFixtures.Borrower;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import io.borrowerportal.payment.AchProperties;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentOperationsViewTest extends ViewTest {

    /** Line 3 holds a five-digit trace number where the bank writes fifteen digits. */
    private static final String MALFORMED_RETURNS = "trace,code\n021000020000001,R01\n12345,R01\n";

    @Autowired
    AchExport achExport;
    @Autowired
    AchProperties properties;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentProfileService profiles;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;

    @Test
    @WithUserDetails("staff@example.com")
    void the_page_has_the_bank_file_the_returns_file_and_the_manual_return() {
        navigate(PaymentOperationsView.class);
        assertThat($(Section.class).all()).extracting(s -> s.getId().orElseThrow())
                .containsExactly("ach-export", "returns-import", "manual-return");
        assertThat($(H2.class).all()).extracting(H2::getText)
                .containsExactly("Bank file (ACH)", "Import a returns file", "Record a return by hand");
        assertThat($(Button.class).id("export-pending").getText()).isEqualTo("Export pending bank payments now");
        Upload upload = $(Upload.class).id("returns-upload");
        assertThat(upload.getMaxFileSize()).isEqualTo(5 * 1024 * 1024);
        assertThat(upload.getAcceptedFileTypes()).containsExactly(".txt", ".csv", ".ach");
        @SuppressWarnings("unchecked")
        Select<ReturnCode> codes = $(Select.class).id("return-code");
        assertThat(codes.getItemLabelGenerator().apply(ReturnCode.R01)).isEqualTo("R01 Insufficient funds");
        assertThat($(Div.class).withId("import-error").exists()).as("no error before anything was imported").isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void exporting_with_nothing_pending_says_no_bank_payments_are_waiting() {
        // Other tests may leave bank payments pending in the shared database: send those first.
        SystemTask.call(achExport::exportPending);
        navigate(PaymentOperationsView.class);
        assertThat($(Paragraph.class).withId("export-result").exists()).isFalse();
        test($(Button.class).id("export-pending")).click();
        assertThat($(Paragraph.class).id("export-result").getText()).isEqualTo("No bank payments are waiting.");
        assertThat($(Div.class).withId("export-error").exists()).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_malformed_returns_file_is_refused_with_its_line_number() {
        PaymentOperationsView view = navigate(PaymentOperationsView.class);
        view.importReturns(MALFORMED_RETURNS);
        Div error = $(Div.class).id("import-error");
        assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).isEqualTo(
                "The returns file could not be read: Line 3: the trace number must be 15 digits, not '12345'");
        assertThat($(UnorderedList.class).withId("import-result-applied").exists()).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void an_uploaded_file_goes_through_the_same_import() {
        navigate(PaymentOperationsView.class);
        test($(Upload.class).id("returns-upload"))
                .upload("returns.csv", "text/csv", MALFORMED_RETURNS.getBytes(StandardCharsets.US_ASCII));
        Div error = $(Div.class).id("import-error");
        assertThat(error.getText()).contains("Line 3:");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_returns_file_above_the_limit_is_refused_with_a_clear_message() {
        navigate(PaymentOperationsView.class);
        byte[] oversized = new byte[(int) properties.returnsFileMaxSize().toBytes() + 1];
        Arrays.fill(oversized, (byte) '9');

        test($(Upload.class).id("returns-upload")).upload("returns.csv", "text/csv", oversized);

        assertThat($(Div.class).id("import-error").getText()).isEqualTo("The file is larger than 5 MB, so it was not "
                + "read. A bank's returns file is a few kilobytes: check that you chose the returns file.");
        assertThat($(Div.class).id("import-result").getChildren()).isEmpty();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void the_upload_stops_reading_at_the_limit_whatever_the_request_says_about_its_size() throws IOException {
        navigate(PaymentOperationsView.class);
        long limit = properties.returnsFileMaxSize().toBytes();
        AtomicLong read = new AtomicLong();
        // A body that never ends, from a request that declares no length.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return '9';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, (byte) '9');
                read.addAndGet(length);
                return length;
            }
        };

        returnsUploadHandler().handleUploadRequest(upload(-1, endless));
        roundTrip();

        assertThat(read.get()).as("stopped at the limit, not at the end").isBetween(limit + 1, limit + 64 * 1024);
        assertThat($(Div.class).id("import-error").getText()).startsWith("The file is larger than 5 MB");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void an_upload_that_breaks_off_shows_no_exception_text_or_server_path() throws IOException {
        navigate(PaymentOperationsView.class);
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset reading /srv/portal/tmp/upload-123");
            }
        };

        returnsUploadHandler().handleUploadRequest(upload(100, broken));
        roundTrip();

        assertThat($(Div.class).id("import-error").getText()).isEqualTo(PaymentOperationsView.UPLOAD_FAILED)
                .doesNotContain("/srv").doesNotContain("Connection reset");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_line_quoted_from_a_file_that_is_no_returns_file_is_cut_to_80_characters() {
        PaymentOperationsView view = navigate(PaymentOperationsView.class);
        view.importReturns("1" + "x".repeat(100_000) + "\n");
        String error = $(Div.class).id("import-error").getText();
        assertThat(error).isEqualTo("The returns file could not be read: Line 1: expected a trace number and a return "
                + "code separated by a comma, but found '1" + "x".repeat(78) + "…'");
    }

    /** The handler the upload component posts to, as the browser reaches it. */
    private UploadHandler returnsUploadHandler() {
        String target = $(Upload.class).id("returns-upload").getElement().getAttribute("target");
        return (UploadHandler) VaadinSession.getCurrent().getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(target)).orElseThrow()
                .getElementRequestHandler();
    }

    private UploadEvent upload(long declaredLength, InputStream body) {
        return new UploadEvent(VaadinRequest.getCurrent(), VaadinResponse.getCurrent(), VaadinSession.getCurrent(),
                "returns.csv", declaredLength, "text/csv", $(Upload.class).id("returns-upload").getElement(), null) {
            @Override
            public InputStream getInputStream() {
                return body;
            }
        };
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_returns_file_for_payments_never_sent_lists_them_as_skipped() {
        PaymentOperationsView view = navigate(PaymentOperationsView.class);
        view.importReturns("999999990000001,R01\n");
        assertThat($(Div.class).withId("import-error").exists()).isFalse();
        assertThat($(UnorderedList.class).id("import-result-applied").getChildren()).isEmpty();
        assertThat($(UnorderedList.class).id("import-result-skipped").getElement().getTextRecursively())
                .isEqualTo("Trace 999999990000001: no payment was sent with this trace number.");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void recording_a_return_for_an_unknown_confirmation_number_is_refused() {
        navigate(PaymentOperationsView.class);
        TextField confirmation = $(TextField.class).id("return-confirmation");
        test(confirmation).setValue("PAY-ZZZZ9999");
        @SuppressWarnings("unchecked")
        Select<ReturnCode> codes = $(Select.class).id("return-code");
        test(codes).selectItem("R01 Insufficient funds");
        test($(Button.class).id("record-return")).click();
        Div error = $(Div.class).id("record-error");
        assertThat(error.getText()).isEqualTo("No payment has confirmation number PAY-ZZZZ9999. Check the number on the receipt.");
        assertThat(confirmation.isInvalid()).isTrue();
        assertThat($(Div.class).id("record-result").getChildren()).isEmpty();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void recording_a_return_without_a_reason_asks_for_one() {
        navigate(PaymentOperationsView.class);
        test($(TextField.class).id("return-confirmation")).setValue("PAY-ZZZZ9999");
        test($(Button.class).id("record-return")).click();
        assertThat($(Div.class).id("record-error").getText()).isEqualTo("Choose a return reason code (R01 to R33).");
        assertThat($(Select.class).id("return-code").isInvalid()).isTrue();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void the_staff_console_links_to_payments_operations_which_lists_the_newest_file_first() {
        AchFileSummary written = fileWithOnePayment();
        navigate("staff", Div.class);
        Anchor link = $(Anchor.class).id("payments-operations-link");
        assertThat(link.getText()).isEqualTo("Payments operations");
        assertThat(link.getHref()).isEqualTo("staff/payments");
        navigate(link.getHref(), PaymentOperationsView.class);
        Grid<?> files = $(Grid.class).id("ach-files");
        assertThat(test(files).getCellText(0, 0)).isEqualTo(written.fileName());
        assertThat(test(files).getCellText(0, 3)).isEqualTo("1");
        assertThat(test(files).getCellText(0, 4)).isEqualTo("$21.00");
        assertThat(test(files).getCellText(0, 5)).isEqualTo("staff@example.com");
        assertThat($(Paragraph.class).withId("no-ach-files").exists()).as("no 'no files yet' beside the list").isFalse();
    }

    /** A fresh borrower's bank payment, written to a file by the signed-in staff member: the file holds it alone. */
    private AchFileSummary fileWithOnePayment() {
        // Bank payments other tests left pending go into a file of their own first.
        achExport.exportPending();
        Borrower b = PaymentFixtures.borrower(customers, servicing, "ops-file");
        SecurityContext staff = SecurityContextHolder.getContext();
        SignIn.as(users, b.email());
        try {
            long bank = profiles.addBank(PaymentFixtures.bank()).id();
            payments.submit(PaymentFixtures.custom(b.loanNumber(), "21.00", bank));
        } finally {
            SecurityContextHolder.setContext(staff);
        }
        return achExport.exportPending().orElseThrow();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_payments_operations() {
        navigate("staff/payments", NotFoundView.class);
        assertThat($(Div.class).withClassName("payment-operations").exists()).isFalse();
        assertThat($(Button.class).withId("export-pending").exists()).isFalse();
    }
}
