package io.borrowerportal.document.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import io.borrowerportal.document.CategoryDetail;
import io.borrowerportal.document.CategoryPurpose;
import io.borrowerportal.document.DocumentRefusedException;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.document.FileNames;
import io.borrowerportal.document.ShareOutcome;
import io.borrowerportal.document.SharedDocument;
import io.borrowerportal.document.StaffDocuments;
import io.borrowerportal.base.ui.TempFileUploadHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * "Share a document" on one loan: category, name, description and the file. The file is received into a
 * temporary file as soon as it is chosen and shared when staff press Share; every refusal is shown beside the
 * field it concerns, and the temporary file is deleted when the dialog closes.
 */
class ShareDocumentDialog extends Dialog {

    /** As long as the document's column; the service cleans and checks the name again. */
    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 500;

    private static final Logger log = LoggerFactory.getLogger(ShareDocumentDialog.class);

    private final StaffDocuments documents;
    private final String loanNumber;
    private final SerializableConsumer<ShareOutcome> shared;
    private final DataSize maxSize;

    private final Select<CategoryDetail> category = new Select<>();
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description (optional)");
    private final Span chosenFile = new Span();
    private final Div fileError = new Div();
    private final Div formError = new Div();
    private Path file;
    private String fileName;

    ShareDocumentDialog(StaffDocuments documents, List<CategoryDetail> categories, String loanNumber, DataSize maxSize,
                        SerializableConsumer<ShareOutcome> shared) {
        this.documents = documents;
        this.loanNumber = loanNumber;
        this.shared = shared;
        this.maxSize = maxSize;
        setHeaderTitle("Share a document on " + loanNumber);
        setId("share-dialog");
        addClassName("share-document-dialog");

        category.setId("share-category");
        category.setLabel("Category");
        category.setPlaceholder("Choose a category");
        category.setRequiredIndicatorVisible(true);
        // The portal writes statements itself.
        category.setItems(categories.stream().filter(c -> c.purpose() != CategoryPurpose.STATEMENTS).toList());
        category.setItemLabelGenerator(c -> c.customerVisible() ? c.name() : c.name() + " (hidden from customers)");
        category.setWidthFull();

        name.setId("share-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(MAX_NAME);
        name.setWidthFull();
        description.setId("share-description");
        description.setMaxLength(MAX_DESCRIPTION);
        description.setWidthFull();

        Upload upload = new Upload(new TempFileUploadHandler(maxSize.toBytes(), this::fileReceived,
                this::fileTooLarge, this::uploadFailed));
        upload.setId("share-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxSize.toBytes()));
        upload.setAcceptedFileTypes("application/pdf", "image/png", "image/jpeg", ".pdf", ".png", ".jpg", ".jpeg");
        upload.addFileRejectedListener(rejected -> showFileError(rejected.getErrorMessage()
                + " Choose a PDF, PNG or JPEG file of at most " + megabytes() + "."));
        upload.addAllFinishedListener(finished -> upload.clearFileList());
        chosenFile.setId("share-file-name");
        chosenFile.setVisible(false);
        fileError.setId("share-file-error");
        fileError.addClassNames("field-error");
        fileError.getElement().setAttribute("role", "alert");
        fileError.setVisible(false);
        formError.setId("share-error");
        formError.addClassNames("alert", "alert-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);

        Paragraph fileHint = new Paragraph("PDF, PNG or JPEG, up to " + megabytes() + ". Customers on the loan are "
                + "emailed when the category is one they can see.");
        fileHint.addClassName("field-hint");
        Div fileField = new Div(upload, chosenFile, fileError, fileHint);
        fileField.addClassName("share-file");
        Div form = new Div(category, name, description, fileField, formError);
        form.addClassName("share-form");
        add(form);

        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("share-cancel");
        Button share = new Button("Share", click -> share());
        share.setId("share-submit");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, share);
        addDetachListener(detach -> deleteFile());
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                deleteFile();
            }
        });
    }

    /** Shares what the fields hold; package-private so a test can press it after a simulated upload. */
    void share() {
        clearErrors();
        boolean missing = false;
        if (category.getValue() == null) {
            fieldError(category, "Choose a category for the document.");
            missing = true;
        }
        if (name.getValue().isBlank()) {
            fieldError(name, "Give the document a name.");
            missing = true;
        }
        if (file == null) {
            showFileError("Choose the file to share.");
            missing = true;
        }
        if (missing) {
            return;
        }
        try {
            ShareOutcome outcome = documents.share(new SharedDocument(loanNumber, category.getValue().id(),
                    name.getValue(), description.getValue(), fileName), FileContent.of(file));
            close();
            shared.accept(outcome);
        } catch (DocumentRefusedException e) {
            switch (e.field() == null ? "" : e.field()) {
                case "category" -> fieldError(category, e.getMessage());
                case "name" -> fieldError(name, e.getMessage());
                case "description" -> fieldError(description, e.getMessage());
                case "file" -> showFileError(e.getMessage());
                default -> {
                    formError.setText(e.getMessage());
                    formError.setVisible(true);
                }
            }
        }
    }

    private void fileReceived(Path received, String browserName) {
        deleteFile();
        file = received;
        fileName = browserName;
        fileError.setVisible(false);
        String label = FileNames.label(browserName, 120);
        chosenFile.setText("Chosen: " + (label.isEmpty() ? "a file" : label));
        chosenFile.setVisible(true);
    }

    private void fileTooLarge() {
        deleteFile();
        showFileError("The file is larger than " + megabytes() + ", so it was not received. Choose a smaller file.");
    }

    private void uploadFailed() {
        deleteFile();
        showFileError("The file did not arrive whole. Choose it again.");
    }

    private void showFileError(String message) {
        fileError.setText(message);
        fileError.setVisible(true);
    }

    private static void fieldError(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        category.setInvalid(false);
        name.setInvalid(false);
        description.setInvalid(false);
        fileError.setVisible(false);
        formError.setVisible(false);
    }

    private String megabytes() {
        return StaffDocumentsView.size(maxSize);
    }

    private void deleteFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete a temporary upload: {}", e.toString());
            }
            file = null;
            fileName = null;
            chosenFile.setVisible(false);
        }
    }
}
