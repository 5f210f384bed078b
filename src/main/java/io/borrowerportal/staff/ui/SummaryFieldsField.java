package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import io.borrowerportal.settings.SummaryField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Summary fields a customer sees, in the order they see them: each row moves up or down or goes, and a
 * hidden field comes back with Add. Every action is a real button with a label naming the field, so the list is
 * edited from the keyboard and read by a screen reader; after a move, focus follows the field that moved.
 */
class SummaryFieldsField extends CustomField<List<SummaryField>> {

    private final List<SummaryField> shown = new ArrayList<>();
    private final OrderedList rows = new OrderedList();
    private final Paragraph none = new Paragraph("No fields: the Summary shows only the loan's status and alerts.");
    private final Select<SummaryField> hidden = new Select<>();
    private final Button add = new Button("Add", VaadinIcon.PLUS.create());
    final Div adder;

    SummaryFieldsField() {
        setLabel("Shown on the Summary, in this order");
        addClassName("summary-fields-editor");
        rows.addClassName("summary-order");
        rows.setId("summary-shown");
        none.addClassName("field-hint");
        none.setId("summary-none");
        hidden.setId("summary-hidden");
        hidden.setItemLabelGenerator(SummaryField::label);
        hidden.setPlaceholder("A hidden field");
        hidden.setAriaLabel("Hidden field to add");
        add.setId("summary-add");
        add.addClickListener(click -> {
            SummaryField field = hidden.getValue();
            if (field != null) {
                shown.add(field);
                changed(field, "remove");
            }
        });
        adder = new Div(hidden, add);
        adder.addClassName("summary-adder");
        add(rows, none, adder);
        render();
    }

    @Override
    protected List<SummaryField> generateModelValue() {
        return List.copyOf(shown);
    }

    @Override
    protected void setPresentationValue(List<SummaryField> value) {
        shown.clear();
        if (value != null) {
            shown.addAll(value);
        }
        render();
    }

    @Override
    public List<SummaryField> getEmptyValue() {
        return List.of();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        render();
    }

    private void move(SummaryField field, int by) {
        int from = shown.indexOf(field);
        int to = from + by;
        if (from < 0 || to < 0 || to >= shown.size()) {
            return;
        }
        shown.remove(from);
        shown.add(to, field);
        // Focus stays on the field that moved; at an end the other button is the one still usable.
        String keep = to == 0 ? "down" : to == shown.size() - 1 ? "up" : by < 0 ? "up" : "down";
        changed(field, keep);
    }

    private void remove(SummaryField field) {
        int at = shown.indexOf(field);
        shown.remove(field);
        updateValue();
        render();
        if (shown.isEmpty()) {
            hidden.focus();
        } else {
            focus(shown.get(Math.min(at, shown.size() - 1)), "remove");
        }
    }

    private void changed(SummaryField field, String focusButton) {
        updateValue();
        render();
        focus(field, focusButton);
    }

    private void focus(SummaryField field, String button) {
        rows.getChildren().flatMap(Component::getChildren).flatMap(Component::getChildren)
                .filter(c -> c.getId().filter(button(field, button)::equals).isPresent())
                .findFirst().ifPresent(c -> ((Button) c).focus());
    }

    private void render() {
        rows.removeAll();
        boolean editable = !isReadOnly();
        for (int i = 0; i < shown.size(); i++) {
            SummaryField field = shown.get(i);
            Span name = new Span(field.label());
            name.addClassName("summary-order-name");
            // The list's own numbering is announced by screen readers; this one is for the eye.
            Span position = new Span((i + 1) + ".");
            position.addClassName("summary-order-position");
            position.getElement().setAttribute("aria-hidden", "true");
            ListItem row = new ListItem(position, name);
            row.setId("summary-row-" + slug(field));
            row.addClassName("summary-order-row");
            if (editable) {
                Button up = small(VaadinIcon.ARROW_UP, "Move " + field.label() + " up", button(field, "up"));
                up.addClickListener(click -> move(field, -1));
                up.setEnabled(i > 0);
                Button down = small(VaadinIcon.ARROW_DOWN, "Move " + field.label() + " down", button(field, "down"));
                down.addClickListener(click -> move(field, 1));
                down.setEnabled(i < shown.size() - 1);
                Button remove = small(VaadinIcon.CLOSE_SMALL, "Remove " + field.label() + " from the Summary",
                        button(field, "remove"));
                remove.addClickListener(click -> remove(field));
                Div buttons = new Div(up, down, remove);
                buttons.addClassName("summary-order-buttons");
                row.add(buttons);
            }
            rows.add(row);
        }
        none.setVisible(shown.isEmpty());
        List<SummaryField> notShown = Arrays.stream(SummaryField.values()).filter(f -> !shown.contains(f)).toList();
        hidden.setItems(notShown);
        hidden.clear();
        adder.setVisible(editable && !notShown.isEmpty());
    }

    private static Button small(VaadinIcon icon, String label, String id) {
        Button button = new Button(icon.create());
        button.setId(id);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        return button;
    }

    static String button(SummaryField field, String action) {
        return "summary-" + action + "-" + slug(field);
    }

    static String slug(SummaryField field) {
        return field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
