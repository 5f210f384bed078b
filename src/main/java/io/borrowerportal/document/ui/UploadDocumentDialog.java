package io.borrowerportal.document.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.borrowerportal.base.ui.TempFileUploadHandler;
import io.borrowerportal.document.CategorySummary;
import io.borrowerportal.document.DocumentRefusedException;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.document.NewDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Upload New Document": the category first (only those the lender opened for uploads), then the name (required)
 * and description (optional), which stay disabled until a category is picked, then the file. Upload enables once
 * all required are there. The file arrives in a temporary file, bounded as it arrives ({@link TempFileUploadHandler});
 * the service checks everything again, and a refusal appears beside the field it names. The temporary file is
 * deleted when the dialog closes, whether it was stored or not.
 */
class UploadDocumentDialog extends Dialog {

    static final String UPLOAD_FAILED = "The file did not arrive whole. Choose it again.";

    private static final Logger log = LoggerFactory.getLogger(UploadDocumentDialog.class);

    private final DocumentService documents;
    private final String loanNumber;
    private final DataSize maxSize;
    private final Consumer<DocumentSummary> uploaded;

    final Select<CategorySummary> category = new Select<>();
    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description (optional)");
    final Upload upload;
    final Span fileError = new Span();
    final Div alert = new Div();
    final Button submit = new Button("Upload");

    private Path file;
    private String fileName;

    UploadDocumentDialog(DocumentService documents, String loanNumber, List<CategorySummary> categories,
                         DataSize maxSize, Consumer<DocumentSummary> uploaded) {
        this.documents = documents;
        this.loanNumber = loanNumber;
        this.maxSize = maxSize;
        this.uploaded = uploaded;
        setId("upload-dialog");
        setHeaderTitle("Upload New Document");
        addClassName("upload-dialog");

        category.setId("upload-category");
        category.setLabel("Category");
        category.setPlaceholder("Choose a category first");
        category.setItems(categories);
        category.setItemLabelGenerator(CategorySummary::name);
        category.setRequiredIndicatorVisible(true);
        category.addValueChangeListener(e -> {
            clear(category);
            categoryChosen();
        });

        name.setId("upload-name");
        name.setMaxLength(NewDocument.MAX_NAME);
        name.setRequired(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> {
            clear(name);
            updateSubmit();
        });
        description.setId("upload-description");
        description.setMaxLength(NewDocument.MAX_DESCRIPTION);
        description.addValueChangeListener(e -> clear(description));

        upload = new Upload(new TempFileUploadHandler(maxSize.toBytes(), this::received, this::tooLarge, this::failed));
        upload.setId("upload-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxSize.toBytes()));
        // A hint for the browser's file chooser only: the server decides by the content.
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/png", ".png", "image/jpeg", ".jpg", ".jpeg");
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(rejected -> showFileError(rejected.getErrorMessage().contains("size")
                ? tooLargeMessage() : "Only PDF, PNG and JPEG files can be uploaded."));
        upload.addFileRemovedListener(removed -> {
            discardFile();
            updateSubmit();
        });
        fileError.setId("upload-file-error");
        fileError.addClassName("upload-file-error");
        fileError.getElement().setAttribute("role", "alert");
        fileError.setVisible(false);
        Span fileLabel = new Span("File");
        fileLabel.addClassName("upload-file-label");
        Paragraph fileHint = new Paragraph("PDF, PNG or JPEG, up to " + size(maxSize) + ".");
        fileHint.addClassName("upload-file-hint");
        Div fileField = new Div(fileLabel, fileHint, upload, fileError);
        fileField.addClassName("upload-file-field");

        alert.setId("upload-alert");
        alert.addClassNames("alert", "alert-error");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);

        FormLayout form = new FormLayout(category, name, description, fileField);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(alert, form);

        submit.setId("upload-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("upload-cancel");
        getFooter().add(cancel, submit);

        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardFile();
            }
        });
        categoryChosen();
    }

    private void categoryChosen() {
        boolean chosen = category.getValue() != null;
        name.setEnabled(chosen);
        description.setEnabled(chosen);
        upload.setEnabled(chosen);
        updateSubmit();
    }

    private void updateSubmit() {
        submit.setEnabled(category.getValue() != null && !name.getValue().isBlank() && file != null);
    }

    /** A file arrived whole within the limit: kept until Upload, replaced by the next, deleted on close. */
    void received(Path arrived, String originalName) {
        discardFile();
        if (!isOpened()) {
            // Closed while the file was arriving: nobody will upload it.
            file = arrived;
            discardFile();
            return;
        }
        file = arrived;
        fileName = originalName;
        fileError.setVisible(false);
        updateSubmit();
    }

    void tooLarge() {
        discardFile();
        upload.clearFileList();
        showFileError(tooLargeMessage());
        updateSubmit();
    }

    void failed() {
        discardFile();
        upload.clearFileList();
        showFileError(UPLOAD_FAILED);
        updateSubmit();
    }

    void submit() {
        alert.setVisible(false);
        CategorySummary chosen = category.getValue();
        if (chosen == null) {
            show(category, "Choose a category for the document first.");
            return;
        }
        if (file == null) {
            showFileError("Choose the file to upload.");
            return;
        }
        DocumentSummary stored;
        try {
            stored = documents.upload(new NewDocument(loanNumber, chosen.id(), name.getValue(), description.getValue(),
                    fileName), FileContent.of(file));
        } catch (DocumentRefusedException refused) {
            showRefusal(refused);
            return;
        }
        close();
        uploaded.accept(stored);
    }

    private void showRefusal(DocumentRefusedException refused) {
        String field = Optional.ofNullable(refused.field()).orElse("");
        switch (field) {
            case "category" -> show(category, refused.getMessage());
            case "name" -> show(name, refused.getMessage());
            case "description" -> show(description, refused.getMessage());
            case "file" -> showFileError(refused.getMessage());
            default -> {
                alert.setText(refused.getMessage());
                alert.setVisible(true);
            }
        }
    }

    private void showFileError(String message) {
        fileError.setText(message);
        fileError.setVisible(true);
    }

    private static void show(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void clear(HasValidation field) {
        field.setInvalid(false);
        field.setErrorMessage(null);
    }

    private String tooLargeMessage() {
        return "The file is larger than " + size(maxSize) + ", the most that can be uploaded.";
    }

    private void discardFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the temporary upload {}", file);
            }
            file = null;
            fileName = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        discardFile();
        super.onDetach(detachEvent);
    }

    /** Whether a file is waiting to be uploaded (tests). */
    boolean hasFile() {
        return file != null;
    }

    static String size(DataSize size) {
        long mb = size.toMegabytes();
        return mb > 0 && DataSize.ofMegabytes(mb).equals(size) ? mb + " MB" : size.toKilobytes() + " KB";
    }
}
