package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.staff.CustomerMatch;
import io.borrowerportal.staff.CustomerSearch;

import java.util.function.Consumer;

/** "Preview as a customer": pick whose website to open with the unsaved settings, found by the staff search. */
class PreviewSettingsDialog extends Dialog {

    final ComboBox<CustomerMatch> customer = new ComboBox<>("Customer");
    final Button open = new Button("Open preview");

    PreviewSettingsDialog(CustomerSearch search, Consumer<CustomerMatch> onOpen) {
        setHeaderTitle("Preview as a customer");
        setId("settings-preview-dialog");
        addClassName("settings-dialog");
        add(new Paragraph("Their website opens read-only with your unsaved settings. Nothing is saved; \"Exit preview\" "
                + "brings you back to the staff console."));
        customer.setId("preview-customer");
        customer.setPlaceholder("Name, email or loan number");
        customer.setWidthFull();
        customer.setItemLabelGenerator(m -> m.customer().name() + " · " + m.customer().email()
                + (m.loanNumbers().isEmpty() ? "" : " · " + String.join(", ", m.loanNumbers())));
        customer.setItems(query -> search.search(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        customer.addValueChangeListener(change -> open.setEnabled(change.getValue() != null));
        add(customer);
        open.setId("preview-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.setEnabled(false);
        open.addClickListener(click -> {
            CustomerMatch chosen = customer.getValue();
            if (chosen != null) {
                close();
                onOpen.accept(chosen);
            }
        });
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("preview-cancel");
        getFooter().add(cancel, open);
    }
}
