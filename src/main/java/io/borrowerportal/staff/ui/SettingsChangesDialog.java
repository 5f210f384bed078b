package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.borrowerportal.settings.SettingChange;

import java.util.List;
import java.util.Locale;

/** "Save these changes?": each changed setting with its value before and after, then Confirm or Keep editing. */
class SettingsChangesDialog extends Dialog {

    final Button confirm = new Button("Confirm and save");
    final Button cancel = new Button("Keep editing");

    SettingsChangesDialog(List<SettingChange> changes, Runnable onConfirm) {
        setHeaderTitle(changes.size() == 1 ? "Save this change?" : "Save these " + changes.size() + " changes?");
        setId("settings-confirm-dialog");
        addClassName("settings-dialog");
        Paragraph intro = new Paragraph("Customers see the new settings on their next page, on every server within "
                + "seconds. Each change is recorded in the audit log with your name.");
        intro.addClassName("field-hint");
        add(intro, list(changes, "change"));
        confirm.setId("settings-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            close();
            onConfirm.run();
        });
        cancel.setId("settings-confirm-cancel");
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, confirm);
    }

    /** The changes as "Field: before → after", one per line; ids {@code <prefix>-<field>}. */
    static UnorderedList list(List<SettingChange> changes, String prefix) {
        UnorderedList list = new UnorderedList();
        list.addClassName("settings-changes");
        list.setId(prefix + "s");
        for (SettingChange change : changes) {
            Span field = new Span(change.field().label());
            field.addClassName("settings-change-field");
            Span before = new Span(shown(change.before()));
            before.addClassName("settings-change-before");
            Span arrow = new Span(" → ");
            arrow.getElement().setAttribute("aria-label", "changes to");
            Span after = new Span(shown(change.after()));
            after.addClassName("settings-change-after");
            Div values = new Div(before, arrow, after);
            values.addClassName("settings-change-values");
            ListItem item = new ListItem(field, values);
            item.setId(prefix + "-" + change.field().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            list.add(item);
        }
        return list;
    }

    private static String shown(String value) {
        return value.isBlank() ? "(empty)" : value;
    }
}
