package io.borrowerportal.document.staff;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.document.CategoryChange;
import io.borrowerportal.document.CategoryDetail;
import io.borrowerportal.document.CategoryPurpose;
import io.borrowerportal.document.DocumentCategories;
import io.borrowerportal.document.DocumentRefusedException;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * The lender's document categories: their order, names, and whether customers see them and may upload to them.
 * Admins edit them here; staff see the same page read-only.
 */
@Route(value = "staff/document-categories", layout = StaffLayout.class)
@Menu(title = "Document categories", order = 35)
@PageTitle("Document categories")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class DocumentCategoriesView extends Div {

    /** The service's limit; the field stops typing there and the service refuses more. */
    static final int MAX_NAME = 60;

    private final DocumentCategories categories;
    private final boolean admin;

    private final Grid<CategoryDetail> grid = new Grid<>();
    private final H2 formTitle = new H2();
    private final TextField name = new TextField("Name");
    private final Checkbox visible = new Checkbox("Customers may see it");
    private final Checkbox upload = new Checkbox("Customers may upload to it");
    private final Paragraph purpose = new Paragraph();
    private final Div error = new Div();
    private final Paragraph result = new Paragraph();
    private final Button save = new Button("Save");
    private final Button remove = new Button("Remove");
    private final Section form = new Section();
    /** The categories as the grid shows them, in order. */
    private List<CategoryDetail> shown = List.of();
    /** The category in the form as it was read (its version goes back with the change); null for a new one. */
    private CategoryDetail editing;

    DocumentCategoriesView(DocumentCategories categories, CurrentUser currentUser) {
        this.categories = categories;
        this.admin = currentUser.actor().map(user -> Role.ADMIN.equals(user.role())).orElse(false);
        addClassName("document-categories");
        add(new H1("Document categories"));
        add(new Paragraph("Customers see documents by category on each loan's Documents tab, in this order. "
                + "Statements are written by the portal; proof of insurance comes from the Insurance tab."));
        if (!admin) {
            Paragraph readOnly = new Paragraph("Only an administrator can change categories.");
            readOnly.setId("read-only-note");
            readOnly.addClassNames("alert", "alert-info");
            add(readOnly);
        }

        grid.setId("categories");
        grid.addColumn(CategoryDetail::name).setHeader("Name").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::orderButtons).setHeader("Order").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(c -> c.customerVisible() ? "Yes" : "No").setHeader("Customers see").setAutoWidth(true);
        grid.addColumn(c -> c.customerUpload() ? "Yes" : "No").setHeader("Customers upload").setAutoWidth(true);
        grid.addColumn(CategoryDetail::documents).setHeader("Documents").setAutoWidth(true);
        grid.addColumn(c -> purposeLabel(c.purpose())).setHeader("Holds").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient() || change.getValue() != null) {
                edit(change.getValue());
            }
        });
        result.setId("category-result");
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);
        Button add = new Button("New category", VaadinIcon.PLUS.create(), click -> {
            grid.asSingleSelect().clear();
            edit(null);
        });
        add.setId("category-new");
        add.setVisible(admin);
        add(add, result, grid, form());
        refresh();
        edit(null);
    }

    private Section form() {
        form.setId("category-form");
        form.addClassNames("summary-section", "category-form");
        formTitle.setId("category-form-title");
        name.setId("category-name");
        name.setMaxLength(MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setMaxWidth("24rem");
        visible.setId("category-visible");
        upload.setId("category-upload");
        purpose.setId("category-purpose");
        purpose.addClassName("field-hint");
        error.setId("category-error");
        error.addClassNames("alert", "alert-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        save.setId("category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        remove.setId("category-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> remove());
        Div buttons = new Div(save, remove);
        buttons.addClassName("form-buttons");
        name.setReadOnly(!admin);
        visible.setReadOnly(!admin);
        upload.setReadOnly(!admin);
        buttons.setVisible(admin);
        form.add(formTitle, name, visible, upload, purpose, error, buttons);
        return form;
    }

    private void edit(CategoryDetail category) {
        editing = category;
        clearErrors();
        if (category == null) {
            // Staff have nothing to edit until they pick a category to look at.
            form.setVisible(admin);
            formTitle.setText("New category");
            name.clear();
            visible.setValue(true);
            upload.setValue(false);
            purpose.setVisible(false);
            remove.setVisible(false);
            return;
        }
        form.setVisible(true);
        formTitle.setText(admin ? "Edit \"" + category.name() + "\"" : category.name());
        name.setValue(category.name());
        visible.setValue(category.customerVisible());
        upload.setValue(category.customerUpload());
        purpose.setText(purposeHint(category));
        purpose.setVisible(!purpose.getText().isEmpty());
        remove.setVisible(admin);
        remove.setEnabled(category.removable());
    }

    private void save() {
        clearErrors();
        CategoryChange change = editing == null
                ? CategoryChange.add(name.getValue(), upload.getValue(), visible.getValue())
                : new CategoryChange(editing.id(), editing.version(), name.getValue(), upload.getValue(), visible.getValue());
        try {
            CategoryDetail saved = categories.save(change);
            refresh();
            grid.asSingleSelect().setValue(find(saved.id()));
            showResult(editing == null || change.id() == null ? "Added \"" + saved.name() + "\"." : "Saved \"" + saved.name() + "\".");
        } catch (DocumentRefusedException e) {
            refused(e);
        }
    }

    private void remove() {
        if (editing == null) {
            return;
        }
        clearErrors();
        try {
            categories.remove(editing.id(), editing.version());
            String removed = editing.name();
            refresh();
            grid.asSingleSelect().clear();
            edit(null);
            showResult("Removed \"" + removed + "\".");
        } catch (DocumentRefusedException e) {
            refused(e);
        }
    }

    private void move(CategoryDetail category, boolean up) {
        clearErrors();
        try {
            categories.move(category.id(), category.version(), up);
            refresh();
        } catch (DocumentRefusedException e) {
            refresh();
            showError(e.getMessage());
        }
    }

    private void refused(DocumentRefusedException e) {
        switch (e.field() == null ? "" : e.field()) {
            case "name" -> {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            }
            case "customerUpload", "customerVisible" -> showError(e.getMessage());
            default -> {
                // Changed or removed by someone else: show the list as it is now.
                refresh();
                CategoryDetail now = editing == null ? null : find(editing.id());
                grid.asSingleSelect().setValue(now);
                edit(now);
                showError(e.getMessage());
            }
        }
    }

    private Div orderButtons(CategoryDetail category) {
        Button up = new Button(VaadinIcon.ARROW_UP.create(), click -> move(category, true));
        up.setId("move-up-" + category.id());
        up.getElement().setAttribute("aria-label", "Move " + category.name() + " up");
        Button down = new Button(VaadinIcon.ARROW_DOWN.create(), click -> move(category, false));
        down.setId("move-down-" + category.id());
        down.getElement().setAttribute("aria-label", "Move " + category.name() + " down");
        up.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        down.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        int index = shown.indexOf(category);
        up.setEnabled(index > 0);
        down.setEnabled(index >= 0 && index < shown.size() - 1);
        return new Div(up, down);
    }

    private List<CategoryDetail> refresh() {
        shown = categories.categories();
        grid.setItems(shown);
        return shown;
    }

    private CategoryDetail find(long id) {
        return categories.categories().stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    private void showResult(String text) {
        result.setText(text);
        result.setVisible(true);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void clearErrors() {
        name.setInvalid(false);
        error.setVisible(false);
        result.setVisible(false);
    }

    private static String purposeLabel(CategoryPurpose purpose) {
        if (purpose == null) {
            return "";
        }
        return switch (purpose) {
            case STATEMENTS -> "Statements";
            case INSURANCE -> "Proof of insurance";
        };
    }

    private static String purposeHint(CategoryDetail category) {
        if (category.purpose() == CategoryPurpose.STATEMENTS) {
            return "The portal files each loan's monthly statements here. It can be renamed or hidden, never removed, "
                    + "and customers never upload to it.";
        }
        if (category.purpose() == CategoryPurpose.INSURANCE) {
            return "Proof of insurance attached on the Insurance tab goes here. It can be renamed or hidden, never removed.";
        }
        return category.documents() > 0 ? "It holds " + category.documents()
                + (category.documents() == 1 ? " document" : " documents") + ", so it cannot be removed; hide it instead." : "";
    }
}
