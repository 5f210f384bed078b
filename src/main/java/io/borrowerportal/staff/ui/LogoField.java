package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.borrowerportal.base.ui.TempFileUploadHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The lender's logo in the draft: a preview, Upload (PNG or SVG, at most
 * {@link io.borrowerportal.settings.Logo#MAX_BYTES}, counted as the bytes
 * arrive) and Remove logo. Whether the file really is a harmless PNG or SVG is the settings service's to say when
 * the draft is checked; until then the preview is served so that nothing in it can run.
 */
class LogoField extends CustomField<LogoField.Logo> {

    static final int MAX_BYTES = io.borrowerportal.settings.Logo.MAX_BYTES;
    static final String TOO_LARGE = "The logo is larger than 1 MB. Choose a smaller PNG or SVG file.";
    static final String FAILED = "The logo did not arrive whole. Try again.";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The logo's bytes and the name it was uploaded with; both null for none. */
    record Logo(byte[] bytes, String fileName) {

        static final Logo NONE = new Logo(null, null);

        @Override
        public boolean equals(Object other) {
            return other instanceof Logo that && Arrays.equals(bytes, that.bytes) && Objects.equals(fileName, that.fileName);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + Objects.hashCode(fileName);
        }

        @Override
        public String toString() {
            return bytes == null ? "no logo" : fileName + " (" + bytes.length + " bytes)";
        }
    }

    private Logo logo = Logo.NONE;
    private final Div preview = new Div();
    private final Span name = new Span();
    final Upload upload;
    final Button remove = new Button("Remove logo", VaadinIcon.TRASH.create());

    LogoField() {
        setLabel("Logo");
        setHelperText("PNG or SVG, up to 1 MB. Shown at the top of every customer page.");
        addClassName("logo-field");
        preview.addClassName("logo-preview");
        preview.setId("logo-preview");
        name.setId("logo-name");
        name.addClassName("logo-name");
        upload = new Upload(new TempFileUploadHandler(MAX_BYTES, this::received, this::tooLarge, this::failed));
        upload.setId("logo-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        // A hint for the file chooser only: the service decides by the content.
        upload.setAcceptedFileTypes("image/png", ".png", "image/svg+xml", ".svg");
        upload.setUploadButton(new Button("Upload logo…"));
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage().toLowerCase().contains("size")
                ? TOO_LARGE : "Only PNG and SVG files can be a logo."));
        remove.setId("logo-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> {
            logo = Logo.NONE;
            upload.clearFileList();
            setInvalid(false);
            updateValue();
            render();
        });
        Div row = new Div(preview, name, remove);
        row.addClassName("logo-row");
        add(row, upload);
        render();
    }

    /** A file arrived whole within the limit: it becomes the draft's logo (checked when the draft is). */
    void received(Path file, String fileName) {
        try {
            logo = new Logo(Files.readAllBytes(file), fileName);
        } catch (IOException e) {
            failed();
            return;
        } finally {
            deleteQuietly(file);
        }
        setInvalid(false);
        updateValue();
        render();
    }

    void tooLarge() {
        upload.clearFileList();
        showError(TOO_LARGE);
    }

    void failed() {
        upload.clearFileList();
        showError(FAILED);
    }

    private void showError(String message) {
        setErrorMessage(message);
        setInvalid(true);
    }

    @Override
    protected Logo generateModelValue() {
        return logo;
    }

    @Override
    protected void setPresentationValue(Logo value) {
        logo = value == null ? Logo.NONE : value;
        render();
    }

    @Override
    public Logo getEmptyValue() {
        return Logo.NONE;
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        render();
    }

    private void render() {
        preview.removeAll();
        boolean present = logo.bytes() != null;
        if (present) {
            byte[] bytes = logo.bytes().clone();
            Image image = new Image(serve(bytes), "Logo preview");
            image.setId("logo-image");
            preview.add(image);
            name.setText(logo.fileName() == null ? "Current logo" : logo.fileName());
        } else {
            name.setText("No logo: customer pages show the lender name instead.");
        }
        remove.setVisible(present && !isReadOnly());
        upload.setVisible(!isReadOnly());
    }

    /**
     * The preview's bytes, served so that an SVG's script could not run even if the address were opened on its
     * own: a sandboxing policy that allows nothing but inline styles, and no sniffing.
     */
    private static DownloadHandler serve(byte[] bytes) {
        return event -> {
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.getResponse().setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
            event.getResponse().setHeader("Cache-Control", "private, no-store");
            event.setContentType(isPng(bytes) ? "image/png" : "image/svg+xml");
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is harmless; the upload itself succeeded or was already refused.
        }
    }
}
