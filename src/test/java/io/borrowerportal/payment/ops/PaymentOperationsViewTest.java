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
import io.borrowerportal.payment.AchExport;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentOperationsViewTest extends ViewTest {

    /** Line 3 holds a five-digit trace number where the bank writes fifteen digits. */
    private static final String MALFORMED_RETURNS = "trace,code\n021000020000001,R01\n12345,R01\n";

    @Autowired
    AchExport achExport;

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
    void the_staff_console_links_to_payments_operations() {
        navigate("staff", Div.class);
        Anchor link = $(Anchor.class).id("payments-operations-link");
        assertThat(link.getText()).isEqualTo("Payments operations");
        assertThat(link.getHref()).isEqualTo("staff/payments");
        navigate(link.getHref(), PaymentOperationsView.class);
        assertThat($(Grid.class).withId("ach-files").exists() || $(Paragraph.class).withId("no-ach-files").exists()).isTrue();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_payments_operations() {
        navigate("staff/payments", NotFoundView.class);
        assertThat($(Div.class).withClassName("payment-operations").exists()).isFalse();
        assertThat($(Button.class).withId("export-pending").exists()).isFalse();
    }
}
