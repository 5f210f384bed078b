package io.borrowerportal.integration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.integration.IssuedApiClient;

/**
 * The new key, shown this once: a read-only field to select it and a button that copies it to the clipboard. Closing
 * the dialog drops it from the page; the portal keeps only its hash.
 */
class ApiKeyDialog extends Dialog {

    ApiKeyDialog(IssuedApiClient issued) {
        setId("api-key-dialog");
        setHeaderTitle("Key for " + issued.client().name());
        setCloseOnOutsideClick(false);
        TextField key = new TextField("API key");
        key.setId("api-key");
        key.setValue(issued.key());
        key.setReadOnly(true);
        key.setWidthFull();
        Span copied = new Span();
        copied.setId("api-key-copied");
        copied.getElement().setAttribute("aria-live", "polite");
        Button copy = new Button("Copy key", click -> {
            // The browser's own clipboard API, no script module of the portal's (no front-end bundle).
            getElement().executeJs("return navigator.clipboard.writeText($0)", issued.key());
            copied.setText("Copied.");
        });
        copy.setId("api-key-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button done = new Button("I have stored it", click -> close());
        done.setId("api-key-done");
        add(new Paragraph("Copy this key into the servicing system's configuration now. It is shown only this once: the"
                + " portal keeps a hash, not the key. Send it as the header Authorization: Bearer <key>."), key, copied);
        getFooter().add(copy, done);
        setWidth("min(40rem, 95vw)");
    }
}
