package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.SessionSecurityContext;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingChange;
import io.borrowerportal.settings.SettingField;
import io.borrowerportal.settings.SettingsConflictException;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsGroup;
import io.borrowerportal.settings.SettingsProblem;
import io.borrowerportal.settings.SettingsRejectedException;
import io.borrowerportal.settings.SettingsSaved;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.staff.CustomerMatch;
import io.borrowerportal.staff.CustomerSearch;
import jakarta.annotation.security.RolesAllowed;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The customer website settings editor. Admins edit a draft of every setting and save it as a whole: the service
 * checks it first and each problem appears beside its field (and in a list at the top that leads to it); then the
 * changes are listed before → after and saved only on confirmation. A save over someone else's newer version is
 * refused and shown. Staff see the same page read-only.
 */
@Route(value = "staff/settings", layout = StaffLayout.class)
@PageTitle("Customer website settings")
@Menu(title = "Settings", order = 60)
@RolesAllowed({Role.STAFF, Role.ADMIN})
class SettingsView extends Div {

    private final SettingsService settings;
    private final PreviewService previews;
    private final CustomerSearch customerSearch;
    private final boolean admin;

    final SettingsForm form = new SettingsForm();
    final Div problems = new Div();
    final Paragraph result = new Paragraph();
    final Button save = new Button("Save");
    final Button preview = new Button("Preview as a customer");
    final Button discard = new Button("Discard changes");
    /** The draft being edited (bound to the form). */
    private SettingsDraft draft;
    /** The draft as it was read, to tell which fields this admin changed when someone else saved in between. */
    private SettingsDraft loaded;

    SettingsView(SettingsService settings, PreviewService previews, CustomerSearch customerSearch, CurrentUser currentUser) {
        this.settings = settings;
        this.previews = previews;
        this.customerSearch = customerSearch;
        this.admin = currentUser.actor().map(user -> Role.ADMIN.equals(user.role())).orElse(false);
        addClassName("settings-page");
        add(new H1("Customer website settings"));
        add(new Paragraph(admin
                ? "Change what customers see and may do. Nothing changes for customers until you save; saving shows "
                + "you every change first."
                : "What customers see and may do on the website."));
        if (!admin) {
            Paragraph readOnly = new Paragraph("Only an administrator can change these settings.");
            readOnly.setId("read-only-note");
            readOnly.addClassNames("alert", "alert-info");
            add(readOnly);
        }
        add(contents());
        problems.setId("settings-problems");
        problems.addClassNames("alert", "alert-error", "settings-problems");
        problems.getElement().setAttribute("role", "alert");
        problems.getElement().setAttribute("tabindex", "-1");
        problems.setVisible(false);
        result.setId("settings-result");
        result.getElement().setAttribute("role", "status");
        result.addClassNames("alert", "alert-success");
        result.setVisible(false);
        add(problems, result, form);
        if (admin) {
            add(actions());
        }
        form.setReadOnly(!admin);
        reload();
    }

    /** Links to each group, so a long page is quick to move through (and from the keyboard). */
    private static Nav contents() {
        Nav nav = new Nav();
        nav.addClassName("settings-contents");
        nav.setId("settings-contents");
        nav.getElement().setAttribute("aria-label", "Settings groups");
        for (SettingsGroup group : SettingsGroup.values()) {
            Anchor link = new Anchor("staff/settings#settings-group-" + group.name().toLowerCase(Locale.ROOT), group.label());
            // The router would treat the fragment as a navigation; a plain in-page jump is what is meant.
            link.getElement().setAttribute("router-ignore", true);
            nav.add(link);
        }
        return nav;
    }

    private Div actions() {
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        preview.setId("settings-preview");
        preview.addClickListener(click -> preview());
        discard.setId("settings-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        discard.addClickListener(click -> {
            reload();
            showResult("Your changes were discarded; the form shows the saved settings.");
        });
        Div bar = new Div(save, preview, discard);
        bar.addClassName("settings-actions");
        bar.setId("settings-actions");
        return bar;
    }

    /** Reads the saved settings into the form, dropping any edits. */
    void reload() {
        draft = settings.draft();
        loaded = settings.draft();
        form.binder.setBean(draft);
        clearMessages();
    }

    void save() {
        clearMessages();
        if (!readable() || !passes(settings.check(draft))) {
            return;
        }
        List<SettingChange> changes = settings.changes(draft);
        if (changes.isEmpty()) {
            showResult("Nothing to save: the form matches the saved settings.");
            return;
        }
        new SettingsChangesDialog(changes, this::confirmed).open();
    }

    private void confirmed() {
        try {
            SettingsSaved saved = settings.save(draft);
            reload();
            String text = saved.changes().size() == 1 ? "Saved 1 change." : "Saved " + saved.changes().size() + " changes.";
            showResult(text + " Customers see it on their next page.");
            Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (SettingsRejectedException rejected) {
            passes(rejected.problems());
        } catch (SettingsConflictException conflict) {
            new SettingsConflictDialog(conflict, draft.getTimeZone(), () -> {
                reload();
                showResult("The form shows the saved settings, with their changes. Your edits were dropped.");
            }, this::applyMineOnTop).open();
        }
    }

    /** Takes the saved version and puts back only the fields this admin changed, for review before saving again. */
    void applyMineOnTop() {
        List<SettingField> mine = DraftFields.changed(loaded, draft);
        SettingsDraft theirs = settings.draft();
        for (SettingField field : mine) {
            DraftFields.copy(field, draft, theirs);
        }
        draft = theirs;
        loaded = settings.draft();
        form.binder.setBean(draft);
        clearMessages();
        showResult(mine.isEmpty() ? "The form shows their version." : "Your changes to " + mine.size()
                + (mine.size() == 1 ? " field are" : " fields are") + " on top of their version. Review, then Save.");
    }

    void preview() {
        clearMessages();
        if (!readable() || !passes(settings.check(draft))) {
            return;
        }
        new PreviewSettingsDialog(customerSearch, this::startPreview).open();
    }

    private void startPreview(CustomerMatch customer) {
        try {
            previews.start(customer.customer().id(), draft, SessionSecurityContext.saver());
        } catch (SettingsRejectedException rejected) {
            passes(rejected.problems());
            return;
        }
        // A full page load so the customer website is built under the preview sign-in.
        UI.getCurrent().getPage().setLocation("accounts");
    }

    /** False (with the fields marked) when a field holds something its own type cannot read, like "12x" for an amount. */
    private boolean readable() {
        BinderValidationStatus<SettingsDraft> status = form.binder.validate();
        if (status.isOk()) {
            return true;
        }
        List<Component> unreadable = status.getFieldValidationErrors().stream()
                .map(error -> (Component) error.getField()).toList();
        showSummary(unreadable.stream().map(c -> new Problem(c, label(c) + ": enter a valid value")).toList());
        return false;
    }

    /** True when there are no problems; otherwise each is shown beside its field and listed at the top. */
    private boolean passes(List<SettingsProblem> found) {
        if (found.isEmpty()) {
            return true;
        }
        List<SettingsProblem> ordered = found.stream().sorted(Comparator.comparing(SettingsProblem::field)).toList();
        for (SettingsProblem problem : ordered) {
            form.showProblem(problem.field(), problem.message());
        }
        showSummary(ordered.stream().map(p -> new Problem(form.field(p.field()),
                p.field().group().label() + " › " + p.field().label() + ": " + p.message())).toList());
        return false;
    }

    private record Problem(Component field, String text) {
    }

    private void showSummary(List<Problem> found) {
        problems.removeAll();
        Paragraph title = new Paragraph(found.size() == 1 ? "1 setting needs attention before it can be saved:"
                : found.size() + " settings need attention before they can be saved:");
        title.addClassName("settings-problems-title");
        UnorderedList list = new UnorderedList();
        for (int i = 0; i < found.size(); i++) {
            Problem problem = found.get(i);
            Button link = new Button(problem.text(), click -> focus(problem.field()));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            link.addClassName("settings-problem-link");
            link.setId("settings-problem-" + i);
            list.add(new ListItem(link));
        }
        problems.add(title, list);
        problems.setVisible(true);
        problems.getElement().callJsFunction("focus");
        problems.scrollIntoView();
    }

    private static void focus(Component field) {
        if (field == null) {
            return;
        }
        field.scrollIntoView();
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        } else {
            // A field made of parts (the Summary list, the logo) focuses its first control.
            field.getElement().executeJs("const c = this.querySelector('button, vaadin-button, input, vaadin-select');"
                    + " if (c) c.focus();");
        }
    }

    private static String label(Component field) {
        return field instanceof HasLabel labelled && labelled.getLabel() != null ? labelled.getLabel() : "A field";
    }

    private void showResult(String text) {
        result.setText(text);
        result.setVisible(true);
    }

    private void clearMessages() {
        form.clearProblems();
        problems.removeAll();
        problems.setVisible(false);
        result.setVisible(false);
    }
}
