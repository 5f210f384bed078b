package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.base.ui.TempFileUploadHandler;
import io.borrowerportal.security.Role;
import io.borrowerportal.servicing.ImportFile;
import io.borrowerportal.servicing.ImportProblem;
import io.borrowerportal.servicing.ImportReport;
import io.borrowerportal.servicing.ServicingImport;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The first load and bulk changes from the servicing system's CSV files (docs/import/README.md), products.csv
 * optional, for admins: each
 * file is received into a temporary file counted against {@code portal.import.upload-max-size}, then checked (a dry
 * run, nothing written) or imported, and the report lists every refused row by file, line and column.
 */
@Route(value = "staff/import", layout = StaffLayout.class)
@Menu(title = "Import", order = 75)
@PageTitle("Import")
@RolesAllowed(Role.ADMIN)
class ImportView extends Div implements BeforeLeaveObserver {

    private static final Logger log = LoggerFactory.getLogger(ImportView.class);

    private final ServicingImport imports;
    private final long maxBytes;
    private final Map<ImportFile, Path> received = new EnumMap<>(ImportFile.class);
    private final Map<ImportFile, Span> states = new EnumMap<>(ImportFile.class);
    private final Button check = new Button("Check (dry run)");
    private final Button importNow = new Button("Import");
    private final Div error = new Div();
    private final Paragraph summary = new Paragraph();
    private final Grid<ImportProblem> problems = new Grid<>();
    private final Button invite = new Button();
    private final Paragraph invited = new Paragraph();
    private ImportReport report;

    ImportView(ServicingImport imports, @Value("${portal.import.upload-max-size:512MB}") DataSize maxSize) {
        this.imports = imports;
        this.maxBytes = maxSize.toBytes();
        addClassName("servicing-import");
        add(new H1("Import"));
        add(new Paragraph("Loans, borrowers and ledger entries from the servicing system, as four CSV files (UTF-8, a "
                + "header row; the format is in docs/import/README.md), and the loan products they name, if the portal "
                + "does not have them yet (products.csv, optional; see Loan products). Check them first: a dry run reports every "
                + "refused row and writes nothing. An import takes each loan in whole or not at all, and can be run "
                + "again: what is already in is skipped."));
        Section files = new Section();
        files.addClassNames("summary-section", "ops-section");
        files.add(new H2("Files"));
        for (ImportFile file : ImportFile.values()) {
            files.add(fileRow(file));
        }
        check.setId("import-check");
        check.addClickListener(click -> run(true));
        importNow.setId("import-run");
        importNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importNow.addClickListener(click -> run(false));
        Div actions = new Div(check, importNow);
        actions.addClassName("import-actions");
        error.setId("import-error");
        error.addClassNames("alert", "alert-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        files.add(actions, error);

        Section result = new Section();
        result.setId("import-report");
        result.addClassNames("summary-section", "ops-section");
        summary.setId("import-summary");
        summary.getElement().setAttribute("role", "status");
        problems.setId("import-problems");
        problems.addColumn(ImportProblem::file).setHeader("File").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.line() == 0 ? "" : String.valueOf(p.line())).setHeader("Line").setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader("Column").setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(ImportProblem::reason).setHeader("Reason").setFlexGrow(1);
        problems.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        problems.setVisible(false);
        invite.setId("import-invite");
        invite.addClickListener(click -> invite());
        invite.setVisible(false);
        invited.setId("import-invited");
        invited.setVisible(false);
        result.add(new H2("Report"), summary, problems, invite, invited);
        add(files, result);
        refreshButtons();
        // Files left behind by a closed tab or an ended session go with the page.
        addDetachListener(detached -> discardFiles());
    }

    private Div fileRow(ImportFile file) {
        Upload upload = new Upload(new TempFileUploadHandler(maxBytes, (path, name) -> received(file, path),
                () -> showError(file.fileName() + " is larger than the limit, so it was not read."),
                () -> showError(file.fileName() + " did not arrive whole. Choose it again.")));
        upload.setId("upload-" + file.name().toLowerCase(java.util.Locale.ROOT));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setDropAllowed(false);
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        Span state = new Span("Not chosen");
        state.setId("state-" + file.name().toLowerCase(java.util.Locale.ROOT));
        states.put(file, state);
        Div row = new Div(new Span(file.fileName() + (file.optional() ? " (optional)" : "")), state, upload);
        row.addClassName("import-file");
        return row;
    }

    /** A file arrived (the upload's path, apart from the browser, so a test can hand one in). */
    void received(ImportFile file, Path path) {
        Path earlier = received.put(file, path);
        if (earlier != null && !earlier.equals(path)) {
            delete(earlier);
        }
        states.get(file).setText("Received");
        error.setVisible(false);
        refreshButtons();
    }

    private void run(boolean dryRun) {
        error.setVisible(false);
        invited.setVisible(false);
        try {
            report = imports.run(Map.copyOf(received), dryRun);
        } catch (RuntimeException e) {
            log.error("Import failed", e);
            showError("The import stopped (the details are in the server log). Loans it finished stay in; run it "
                    + "again to go on, since what is in is skipped.");
            return;
        }
        summary.setText(report.summary());
        problems.setItems(report.problems());
        problems.setVisible(!report.problems().isEmpty());
        int created = report.createdCustomerIds().size();
        invite.setText("Invite the " + created + " new customer" + (created == 1 ? "" : "s"));
        invite.setVisible(created > 0);
        invite.setEnabled(true);
        if (!dryRun) {
            clearFiles();
        }
    }

    private void invite() {
        int sent = imports.inviteCreated(report);
        invite.setEnabled(false);
        invited.setText(sent + " activation invitation" + (sent == 1 ? "" : "s") + " sent. Customers who have a "
                + "password or a link that is still good were skipped.");
        invited.setVisible(true);
    }

    private void refreshButtons() {
        boolean all = Arrays.stream(ImportFile.values()).allMatch(f -> f.optional() || received.containsKey(f));
        check.setEnabled(all);
        importNow.setEnabled(all);
    }

    private void clearFiles() {
        received.values().forEach(ImportView::delete);
        received.clear();
        states.values().forEach(s -> s.setText("Not chosen"));
        refreshButtons();
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        discardFiles();
    }

    private void discardFiles() {
        received.values().forEach(ImportView::delete);
        received.clear();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("An uploaded import file could not be deleted: {}", e.toString());
        }
    }
}
