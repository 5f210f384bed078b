package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.TempFileUploadHandler;
import io.borrowerportal.common.Dates;
import io.borrowerportal.document.DocumentProperties;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.insurance.InsuranceOverview;
import io.borrowerportal.insurance.InsuranceRefusedException;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.insurance.PolicyDetails;
import io.borrowerportal.insurance.PolicyVersionSummary;
import io.borrowerportal.insurance.ProofOfInsurance;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The Insurance tab of a collateralized loan: the alerts, the policy on file with its review status, the form
 * to add or update it with an optional proof of insurance, and every version submitted. The tab (and this
 * route) exists only when the lender offers insurance and the loan has collateral ({@link AccountTabView}).
 */
@Route(value = "accounts/:loanNumber/insurance", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class InsuranceView extends AccountTabView {

    static final String SAVED = "Policy saved. We will review it and show the outcome here.";
    static final String PROOF_TOO_LARGE = "The file is too large. Attach a PDF, PNG or JPEG of at most %s.";
    static final String PROOF_FAILED = "The file did not arrive whole. Attach it again.";

    private static final Logger log = LoggerFactory.getLogger(InsuranceView.class);

    private final InsuranceService insurance;
    private final DocumentService documents;
    private final DocumentProperties documentLimits;
    private final Clock clock;
    private final Div content = new Div();
    private String loanNumber;
    private boolean proofShown;
    private InsuranceForm form;
    private final Div formError = new Div();
    private final Div proofError = new Div();
    private final Span proofFile = new Span();
    private Upload upload;
    private ReceivedFile proof;

    /** The proof waiting in a temporary file until Save: the customer's file name (a label only) and the file. */
    private record ReceivedFile(String fileName, Path path) {
    }

    InsuranceView(AccountService accountService, SettingsService settingsService, InsuranceService insurance,
                  DocumentService documents, DocumentProperties documentLimits, Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.INSURANCE);
        this.insurance = insurance;
        this.documents = documents;
        this.documentLimits = documentLimits;
        this.clock = clock;
        addClassName("insurance-view");
        content.addClassName("insurance-content");
        formError.setId("insurance-form-error");
        formError.addClassNames("alert", "alert-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);
        proofError.setId("insurance-proof-error");
        proofError.addClassNames("alert", "alert-error");
        proofError.getElement().setAttribute("role", "alert");
        proofError.setVisible(false);
        proofFile.setId("insurance-proof-file");
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        loanNumber = detail.info().loanNumber();
        proofShown = documents.proofOfInsuranceShown();
        add(content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        InsuranceOverview overview = insurance.overview(loanNumber);
        Div alerts = new Div();
        alerts.addClassName("alerts");
        alerts.setId("insurance-alerts");
        overview.alerts().forEach(alert -> alerts.add(InsuranceAlertBoxes.box(alert, false)));
        content.add(alerts, current(overview.onFile(), overview.paidOff()));
        if (overview.paidOff()) {
            Paragraph paidOff = new Paragraph("Loan " + loanNumber + " is paid off, so we no longer need the "
                    + "insurance on its collateral. The policies you sent are listed below.");
            paidOff.setId("insurance-paid-off");
            content.add(paidOff);
        } else {
            content.add(formSection(overview.latest()));
        }
        content.add(history(overview));
    }

    /** The policy the lender holds or is reviewing; a rejected newer version is in the alerts and the history. */
    private Div current(PolicyVersionSummary onFile, boolean paidOff) {
        Div section = new Div();
        section.setId("insurance-current");
        section.addClassName("summary-section");
        section.add(new H2("Policy on file"));
        if (onFile == null) {
            Paragraph none = new Paragraph(paidOff ? "No policy on file."
                    : "No policy on file. Add the policy that insures the collateral below.");
            none.setId("insurance-none");
            section.add(none);
            return section;
        }
        PolicyDetails p = onFile.details();
        Div grid = new Div();
        grid.addClassName("summary-fields");
        grid.add(figure("status", "Status", status(onFile), null),
                figure("company", "Insurance company", p.insuranceCompany(), null),
                figure("insured", "Insured name", p.insuredName(), null),
                figure("agent", "Agent", p.agentName() == null ? "None" : p.agentName(), null),
                figure("policy-number", "Policy number", p.policyNumber(), null),
                figure("phone", "Phone", p.phone(), null),
                figure("deductible", "Deductible", Formats.money(p.deductible()), null),
                figure("coverage", "Coverage", Formats.date(p.coverageStart()) + " – " + Formats.date(p.coverageEnd()),
                        null),
                figure("submitted", "Submitted", "Version " + onFile.versionNumber() + " by " + onFile.submittedBy(),
                        moment(onFile.submittedAt())),
                figure("proof", "Proof of insurance", onFile.proofDocumentLabel() == null ? "None attached"
                        : onFile.proofDocumentLabel(),
                        onFile.proofDocumentLabel() == null || !proofShown ? null : "In Documents"));
        section.add(grid);
        if (onFile.proofDocumentId() != null && proofShown) {
            Anchor documents = new Anchor(AccountNavigation.tab(loanNumber, "documents"), "View the proof in Documents");
            documents.getElement().setAttribute("router-link", true);
            documents.setId("insurance-proof-link");
            section.add(documents);
        }
        return section;
    }

    private Div formSection(PolicyVersionSummary latest) {
        Div section = new Div();
        section.addClassName("insurance-form-section");
        section.add(new H2(latest == null ? "Add your policy" : "Update your policy"));
        section.add(new Paragraph("Enter the policy as it appears on your declarations page. Each change is kept "
                + "and reviewed by our staff."));
        form = new InsuranceForm(LocalDate.now(clock));
        if (latest != null) {
            form.read(latest.details());
        }
        formError.setVisible(false);
        proofError.setVisible(false);

        long max = documentLimits.maxSize().toBytes();
        // Counted into a temporary file on the server as the bytes arrive: the browser's own checks are a courtesy.
        upload = new Upload(new TempFileUploadHandler(max, (file, fileName) -> proofReceived(
                new ReceivedFile(fileName == null ? "" : fileName, file)), this::proofTooLarge, this::proofFailed));
        upload.setId("insurance-proof");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(max, Integer.MAX_VALUE));
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
        upload.addFileRejectedListener(rejected -> showProofError(rejected.getErrorMessage()
                + " Attach a PDF, PNG or JPEG of at most " + megabytes(max) + "."));
        upload.addFileRemovedListener(removed -> forgetProof());
        Div proofBox = new Div(new Span("Proof of insurance (optional): a PDF, PNG or JPEG of your declarations "
                + "page or insurance card, at most " + megabytes(max) + "."), upload, proofFile, proofError);
        proofBox.addClassName("insurance-proof");
        showProofFile();

        Button save = new Button(latest == null ? "Save policy" : "Save changes", click -> save());
        save.setId("insurance-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(formError, form, proofBox, save);
        return section;
    }

    private void save() {
        formError.setVisible(false);
        proofError.setVisible(false);
        PolicyDetails details = form.write().orElse(null);
        if (details == null) {
            return;
        }
        ProofOfInsurance attached = proof == null ? null
                : new ProofOfInsurance(proof.fileName(), FileContent.of(proof.path()));
        try {
            insurance.submit(loanNumber, details, attached);
        } catch (InsuranceRefusedException refused) {
            Map<String, String> elsewhere = form.show(refused.problems());
            if (elsewhere.containsKey("proof")) {
                showProofError(elsewhere.remove("proof"));
            }
            if (!elsewhere.isEmpty() || refused.problems().isEmpty()) {
                formError.setText(elsewhere.isEmpty() ? refused.getMessage() : String.join(" ", elsewhere.values()));
                formError.setVisible(true);
            }
            return;
        }
        forgetProof();
        Notification.show(SAVED, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private Grid<PolicyVersionSummary> history(InsuranceOverview overview) {
        Grid<PolicyVersionSummary> grid = new Grid<>();
        grid.setId("insurance-history");
        grid.addColumn(PolicyVersionSummary::versionNumber).setHeader("Version").setAutoWidth(true);
        grid.addColumn(InsuranceView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(v -> v.details().insuranceCompany()).setHeader("Company").setAutoWidth(true);
        grid.addColumn(v -> v.details().policyNumber()).setHeader("Policy number").setAutoWidth(true);
        grid.addColumn(v -> Formats.shortDate(v.details().coverageStart()) + " – "
                + Formats.shortDate(v.details().coverageEnd())).setHeader("Coverage").setAutoWidth(true);
        grid.addColumn(PolicyVersionSummary::submittedBy).setHeader("Submitted by").setAutoWidth(true);
        grid.addColumn(v -> moment(v.submittedAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(v -> v.rejectionReason() == null ? "" : v.rejectionReason()).setHeader("Reason")
                .setAutoWidth(true);
        grid.addColumn(v -> v.proofDocumentLabel() == null ? "" : v.proofDocumentLabel()).setHeader("Proof")
                .setAutoWidth(true);
        grid.setItems(overview.history());
        grid.setAllRowsVisible(true);
        grid.setVisible(!overview.history().isEmpty());
        return grid;
    }

    private static String status(PolicyVersionSummary version) {
        return version.status().label();
    }

    private String moment(Instant at) {
        return Dates.MOMENT.format(at.atZone(clock.getZone()));
    }

    private static Figure figure(String id, String label, String value, String note) {
        Figure figure = new Figure(label, value, note);
        figure.addClassName("summary-field");
        figure.setId("insurance-field-" + id);
        return figure;
    }

    private void proofReceived(ReceivedFile received) {
        deleteProofFile();
        proof = received;
        if (!isAttached()) {
            // The customer left while the file was arriving: nobody will file it.
            deleteProofFile();
            return;
        }
        proofError.setVisible(false);
        showProofFile();
    }

    private void proofTooLarge() {
        forgetProof();
        showProofError(PROOF_TOO_LARGE.formatted(megabytes(documentLimits.maxSize().toBytes())));
    }

    private void proofFailed() {
        forgetProof();
        showProofError(PROOF_FAILED);
    }

    private void showProofError(String message) {
        proofError.setText(message);
        proofError.setVisible(true);
    }

    private void showProofFile() {
        proofFile.setText(proof == null ? "" : "Attached: " + proof.fileName() + ". It is filed when you save.");
        proofFile.setVisible(proof != null);
    }

    /** Deletes the temporary file of a proof not (or no longer) to be filed. */
    private void forgetProof() {
        deleteProofFile();
        if (upload != null) {
            upload.clearFileList();
        }
        showProofFile();
    }

    private void deleteProofFile() {
        if (proof != null) {
            try {
                Files.deleteIfExists(proof.path());
            } catch (IOException e) {
                log.warn("Could not delete a temporary proof of insurance file: {}", e.toString());
            }
            proof = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        forgetProof();
        super.onDetach(detachEvent);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.US, "%d MB", Math.max(1, bytes / (1024 * 1024)));
    }
}
