package io.borrowerportal.payment.ops;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.base.ui.TempFileUploadHandler;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.payment.AchExport;
import io.borrowerportal.payment.AchFileSummary;
import io.borrowerportal.payment.AchProperties;
import io.borrowerportal.payment.AchReturns;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.ReturnImportResult;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Payments operations for staff: the day's bank file, the bank's returns file, and a return recorded by hand. */
@Route(value = "staff/payments", layout = StaffLayout.class)
@Menu(title = "Payments operations", order = 40)
@PageTitle("Payments operations")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class PaymentOperationsView extends Div {

    private static final Logger log = LoggerFactory.getLogger(PaymentOperationsView.class);

    static final String NOTHING_PENDING = "No bank payments are waiting.";
    static final String UPLOAD_FAILED = "The file did not arrive whole, so nothing was imported. Choose it again.";


    private final AchExport export;
    private final AchReturns returns;
    /** Returns files are a few hundred lines; anything near this size ({@code portal.ach.returns-file-max-size}) is not one. */
    private final DataSize returnsFileMaxSize;
    private final Clock clock;

    private final Paragraph exportResult = new Paragraph();
    private final Div exportError = alert("export-error");
    private final Grid<AchFileSummary> files = new Grid<>();
    private final Paragraph noFiles = new Paragraph("No bank files have been written yet.");

    private final Div importError = alert("import-error");
    private final Div importResult = new Div();

    private final TextField confirmation = new TextField("Confirmation number");
    private final Select<ReturnCode> returnCode = new Select<>();
    private final Div recordError = alert("record-error");
    private final Div recordResult = new Div();

    PaymentOperationsView(AchExport export, AchReturns returns, AchProperties properties, Clock clock) {
        this.export = export;
        this.returns = returns;
        this.returnsFileMaxSize = properties.returnsFileMaxSize();
        this.clock = clock;
        addClassName("payment-operations");
        add(new H1("Payments operations"));
        add(bankFileSection(), returnsFileSection(), manualReturnSection());
        refreshFiles();
    }

    private Section bankFileSection() {
        Section section = section("ach-export", "Bank file (ACH)");
        section.add(new Paragraph("Writes every pending bank payment due by today into one NACHA file for the bank. "
                + "A payment goes into one file only, and settles only once its file was delivered."));
        Button export = new Button("Export pending bank payments now", click -> {
            try {
                exportPending();
            } finally {
                click.getSource().setEnabled(true);
            }
        });
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setId("export-pending");
        export.setDisableOnClick(true);
        exportResult.setId("export-result");
        exportResult.getElement().setAttribute("role", "status");
        exportResult.setVisible(false);

        files.setId("ach-files");
        files.addColumn(AchFileSummary::fileName).setHeader("File").setAutoWidth(true);
        files.addColumn(f -> Dates.SHORT.format(f.businessDate())).setHeader("Business date").setAutoWidth(true);
        files.addColumn(f -> Dates.SHORT.format(f.effectiveDate())).setHeader("Effective date").setAutoWidth(true);
        files.addColumn(AchFileSummary::entryCount).setHeader("Entries").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        files.addColumn(f -> Money.format(f.totalDebit())).setHeader("Total").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        files.addColumn(AchFileSummary::createdBy).setHeader("Written by").setAutoWidth(true);
        files.addColumn(f -> Dates.MOMENT.format(f.createdAt().atZone(clock.getZone()))).setHeader("Written at")
                .setAutoWidth(true);
        files.addColumn(f -> f.state().label()).setHeader("Delivery").setAutoWidth(true);
        files.setAllRowsVisible(true);
        noFiles.setId("no-ach-files");
        section.add(export, exportError, exportResult, new H3("Recent files"), files, noFiles);
        return section;
    }

    private Section returnsFileSection() {
        Section section = section("returns-import", "Import a returns file");
        section.add(new Paragraph("The bank's returns file, as NACHA (.ach, .txt) or as CSV with a trace number and a "
                + "return code on each line. Each return reverses its payment, charges the NSF fee and tells the customer. "
                + "A file with a line that cannot be read is refused whole."));
        // Counted on the server as the bytes arrive: the browser's own size check is a courtesy, not a limit.
        Upload upload = new Upload(new TempFileUploadHandler(returnsFileMaxSize.toBytes(),
                (file, name) -> readAndDelete(file).ifPresentOrElse(bytes -> importReturns(decode(bytes)),
                        this::uploadFailed), this::returnsFileTooLarge,
                this::uploadFailed));
        upload.setId("returns-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) returnsFileMaxSize.toBytes());
        upload.setAcceptedFileTypes(".txt", ".csv", ".ach");
        upload.addFileRejectedListener(rejected -> showError(importError, rejected.getErrorMessage()
                + " Choose a .txt, .csv or .ach file of at most " + size(returnsFileMaxSize) + "."));
        // Finished files stay listed otherwise, and a second file would be refused by setMaxFiles(1).
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        importResult.setId("import-result");
        section.add(upload, importError, importResult);
        return section;
    }

    private Section manualReturnSection() {
        Section section = section("manual-return", "Record a return by hand");
        section.add(new Paragraph("For a return the bank reported by phone or letter. "
                + "The confirmation number is on the customer's receipt."));
        confirmation.setId("return-confirmation");
        confirmation.setPlaceholder("PAY-XXXXXXXX");
        confirmation.setMaxLength(40);
        confirmation.setRequiredIndicatorVisible(true);
        returnCode.setId("return-code");
        returnCode.setLabel("Return reason");
        returnCode.setPlaceholder("Choose the bank's code");
        returnCode.setItems(ReturnCode.values());
        returnCode.setItemLabelGenerator(code -> code.name() + " " + code.description());
        returnCode.setRequiredIndicatorVisible(true);
        Button record = new Button("Record", click -> recordReturn());
        record.setId("record-return");
        Div fields = new Div(confirmation, returnCode, record);
        fields.addClassName("ops-return-fields");
        recordResult.setId("record-result");
        section.add(fields, recordError, recordResult);
        return section;
    }

    private void exportPending() {
        clearError(exportError);
        try {
            Optional<AchFileSummary> written = export.exportPending();
            exportResult.setText(written.map(PaymentOperationsView::describe).orElse(NOTHING_PENDING));
            exportResult.setVisible(true);
        } catch (PaymentRefusedException e) {
            // Written for staff: too many files today, a payment changed meanwhile, the outbox folder.
            exportResult.setVisible(false);
            showError(exportError, "The bank file was not written. " + e.getMessage());
        } catch (DataIntegrityViolationException e) {
            exportResult.setVisible(false);
            showError(exportError, "The bank file was not written: another export ran at the same moment. "
                    + "Look at the files below, then export again if payments are still waiting.");
        } catch (RuntimeException e) {
            log.error("ACH export failed", e);
            exportResult.setVisible(false);
            showError(exportError, "The bank file was not written, and no payment was marked sent. "
                    + "The details are in the server log.");
        }
        refreshFiles();
    }

    /** The upload's path, apart from reading the bytes, so the handling can be tested without a browser. */
    void importReturns(String content) {
        clearError(importError);
        importResult.removeAll();
        try {
            show(importResult, returns.importReturns(content), "No returns were in the file.");
        } catch (PaymentRefusedException e) {
            showError(importError, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Returns file import failed", e);
            showError(importError, "The returns file could not be imported completely. Returns already applied stay "
                    + "applied; import the file again to apply the rest (a return seen twice is skipped). The details "
                    + "are in the server log.");
        }
    }

    private void returnsFileTooLarge() {
        importResult.removeAll();
        showError(importError, "The file is larger than " + size(returnsFileMaxSize) + ", so it was not read. "
                + "A bank's returns file is a few kilobytes: check that you chose the returns file.");
    }

    private void uploadFailed() {
        importResult.removeAll();
        showError(importError, UPLOAD_FAILED);
    }

    private void recordReturn() {
        clearError(recordError);
        recordResult.removeAll();
        confirmation.setInvalid(false);
        returnCode.setInvalid(false);
        ReturnCode code = returnCode.getValue();
        try {
            ReturnImportResult result = returns.recordReturn(confirmation.getValue(), code == null ? null : code.name());
            show(recordResult, result, "Nothing was recorded.");
            if (!result.applied().isEmpty()) {
                confirmation.clear();
                returnCode.clear();
            }
        } catch (PaymentRefusedException e) {
            if ("confirmation".equals(e.field())) {
                confirmation.setInvalid(true);
            } else if ("code".equals(e.field())) {
                returnCode.setInvalid(true);
            }
            showError(recordError, e.getMessage());
        }
    }

    private void refreshFiles() {
        List<AchFileSummary> recent = export.recentFiles();
        files.setItems(recent);
        files.setVisible(!recent.isEmpty());
        noFiles.setVisible(recent.isEmpty());
    }

    private static String describe(AchFileSummary file) {
        String written = "File " + file.fileName() + " written: " + file.entryCount()
                + (file.entryCount() == 1 ? " debit, " : " debits, ") + Money.format(file.totalDebit());
        return file.state().delivered() ? written + ", and delivered to the bank's folder."
                : written + ", but not delivered yet. It is delivered on the next run; its payments do not settle "
                + "until then.";
    }

    /** "5 MB", "512 KB": a limit as staff read it. */
    static String size(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }

    private static void show(Div target, ReturnImportResult result, String whenEmpty) {
        target.getElement().setAttribute("role", "status");
        if (result.applied().isEmpty() && result.skipped().isEmpty()) {
            target.add(new Paragraph(whenEmpty));
            return;
        }
        target.add(list("Applied (" + result.applied().size() + ")", result.applied(), target.getId().orElse("") + "-applied"));
        target.add(list("Skipped (" + result.skipped().size() + ")", result.skipped(), target.getId().orElse("") + "-skipped"));
    }

    private static Component list(String heading, List<String> lines, String id) {
        Div block = new Div();
        block.addClassName("ops-result-block");
        UnorderedList items = new UnorderedList();
        items.setId(id);
        lines.forEach(line -> items.add(new ListItem(line)));
        block.add(new H3(heading));
        if (lines.isEmpty()) {
            block.add(new Paragraph("None."));
        }
        block.add(items);
        return block;
    }

    /** Returns files are plain ASCII; UTF-8 reads that too, and a spreadsheet's byte-order mark is dropped. */
    /** The returns file is small (a few MB at most) and read whole; its temporary file goes at once. */
    private static Optional<byte[]> readAndDelete(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            log.warn("An uploaded returns file could not be read: {}", e.toString());
            return Optional.empty();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("A returns file upload could not be deleted: {}", e.toString());
            }
        }
    }

    private static String decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Section section(String id, String title) {
        Section section = new Section();
        section.setId(id);
        section.addClassNames("summary-section", "ops-section");
        H2 heading = new H2(title);
        heading.setId(id + "-title");
        section.add(heading);
        section.getElement().setAttribute("aria-labelledby", id + "-title");
        return section;
    }

    private static Div alert(String id) {
        Div alert = new Div();
        alert.setId(id);
        alert.addClassNames("alert", "alert-error");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);
        return alert;
    }

    private static void showError(Div alert, String message) {
        alert.setText(message);
        alert.setVisible(true);
    }

    private static void clearError(Div alert) {
        alert.setText("");
        alert.setVisible(false);
    }
}
