package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditFilter;
import io.borrowerportal.audit.AuditLog;
import io.borrowerportal.audit.ChainCheck;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.NarrowColumns;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.common.InvalidValueException;
import io.borrowerportal.security.Role;
import io.borrowerportal.staff.CustomerMatch;
import io.borrowerportal.staff.CustomerSearch;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The audit log (decision 026): filters, pages read from the database as the grid scrolls, an entry's details with
 * its hashes, the filtered entries as CSV, and the check of the hash chain. What a staff member who is not an admin
 * may see is decided by {@link AuditLog}, not here.
 */
@Route(value = "staff/audit", layout = StaffLayout.class)
@PageTitle("Audit log")
@Menu(title = "Audit log", order = 50)
@RolesAllowed({Role.STAFF, Role.ADMIN})
class AuditLogView extends Div {

    private final AuditLog auditLog;
    private final CustomerSearch customerSearch;
    private final Clock clock;

    private final ComboBox<CustomerMatch> customer = new ComboBox<>("Customer");
    private final TextField loan = new TextField("Loan number");
    private final TextField actor = new TextField("Actor (email)");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Span count = new Span();
    private final Paragraph chainResult = new Paragraph();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final NarrowColumns<AuditEntry> columns;
    /** The filters in force; read by the CSV download, which runs outside the UI's lock. */
    private volatile AuditFilter filter = AuditFilter.NONE;

    AuditLogView(AuditLog auditLog, CustomerSearch customerSearch, Clock clock) {
        this.auditLog = auditLog;
        this.customerSearch = customerSearch;
        this.clock = clock;
        addClassName("audit-log");
        add(new H1("Audit log"), new Paragraph("Every sign-in, payment, change and staff action, newest first. Times "
                + "and dates are in the lender's time zone (" + clock.getZone().getId() + "). Opening this page, "
                + "exporting and checking the chain are recorded here too."));
        add(filters());
        add(toolbar());

        grid.setId("audit-entries");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        List<Grid.Column<AuditEntry>> wide = List.of(
                grid.addColumn(e -> time(e.occurredAt())).setHeader("Time").setWidth("9.5rem").setFlexGrow(0)
                        .setResizable(true),
                grid.addColumn(e -> label(e.action())).setHeader("Action").setWidth("10rem").setFlexGrow(0)
                        .setResizable(true),
                grid.addColumn(AuditEntry::actor).setHeader("Actor").setWidth("10rem").setFlexGrow(1),
                grid.addColumn(AuditLogView::customerOf).setHeader("Customer").setWidth("10rem").setFlexGrow(1),
                grid.addColumn(e -> orDash(e.loanNumber())).setHeader("Loan").setWidth("7rem").setFlexGrow(0),
                grid.addColumn(AuditEntry::detail).setHeader("Detail").setWidth("12rem").setFlexGrow(2));
        columns = new NarrowColumns<>(grid, wide, grid.addColumn(e -> time(e.occurredAt()) + " · " + label(e.action()) + " · " + e.actor()
                        + (e.customerId() == null ? "" : " · " + customerOf(e))
                        + (e.loanNumber() == null ? "" : " · " + e.loanNumber()))
                .setHeader("Entry").setFlexGrow(1));
        grid.addComponentColumn(this::detailsButton).setHeader("").setWidth("6rem").setFlexGrow(0).setFrozenToEnd(true);
        add(grid);
        refresh();
    }

    private FormLayout filters() {
        customer.setId("audit-customer");
        customer.setPlaceholder("Name, email, loan or id");
        customer.setClearButtonVisible(true);
        customer.setItemLabelGenerator(m -> m.customer().name() + " · " + m.customer().email() + " (#" + m.customer().id() + ")");
        customer.setItems(query -> customerSearch.search(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        // A customer's number typed whole, as it appears in the log and on the customer's page.
        customer.setAllowCustomValue(true);
        customer.addCustomValueSetListener(typed -> byId(typed.getDetail()));

        loan.setId("audit-loan");
        loan.setMaxLength(AuditFilter.MAX_LOAN_NUMBER);
        actor.setId("audit-actor");
        actor.setMaxLength(AuditFilter.MAX_ACTOR);
        actor.setPlaceholder("name@example.com");
        for (TextField field : List.of(loan, actor)) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        action.setId("audit-action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditLogView::label);
        action.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setId("audit-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        customer.addValueChangeListener(change -> refresh());
        loan.addValueChangeListener(change -> refresh());
        actor.addValueChangeListener(change -> refresh());
        action.addValueChangeListener(change -> refresh());
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());

        Button clear = new Button("Clear filters", click -> {
            customer.clear();
            loan.clear();
            actor.clear();
            action.clear();
            from.clear();
            to.clear();
        });
        clear.setId("audit-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        FormLayout form = new FormLayout(customer, loan, actor, action, from, to, clear);
        form.addClassName("audit-filters");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("60em", 3));
        return form;
    }

    private Div toolbar() {
        count.setId("audit-count");
        Anchor export = new Anchor(csv(), AttachmentType.DOWNLOAD, "Export CSV");
        export.setId("audit-export");
        export.addClassName("download-link");
        Button verify = new Button("Verify chain", click -> verify());
        verify.setId("audit-verify");
        chainResult.setId("audit-chain-result");
        chainResult.setVisible(false);
        Div toolbar = new Div(count, export, verify);
        toolbar.addClassName("audit-toolbar");
        return new Div(toolbar, chainResult);
    }

    private void byId(String typed) {
        String digits = typed == null ? "" : typed.strip().replaceFirst("^#", "");
        if (!digits.matches("\\d{1,18}")) {
            customer.setErrorMessage("Choose a customer from the list, or type their number.");
            customer.setInvalid(true);
            return;
        }
        customerSearch.find(Long.parseLong(digits)).ifPresentOrElse(customer::setValue, () -> {
            customer.setErrorMessage("No customer has the number " + digits + ".");
            customer.setInvalid(true);
        });
    }

    /** Applies the filters; a range that ends before it starts is refused beside the field and changes nothing. */
    private void refresh() {
        AuditFilter next;
        try {
            next = new AuditFilter(customer.getValue() == null ? null : customer.getValue().customer().id(),
                    loan.getValue(), actor.getValue(), action.getValue(), from.getValue(), to.getValue());
        } catch (InvalidValueException refused) {
            TextField field = refused.getMessage().startsWith("A loan number") ? loan
                    : refused.getMessage().startsWith("An actor") ? actor : null;
            if (field != null) {
                field.setErrorMessage(refused.getMessage());
                field.setInvalid(true);
            } else {
                to.setErrorMessage(refused.getMessage());
                to.setInvalid(true);
            }
            return;
        }
        customer.setInvalid(false);
        loan.setInvalid(false);
        actor.setInvalid(false);
        to.setInvalid(false);
        filter = next;
        AuditFilter shown = next;
        long matching = auditLog.count(shown);
        int rows = (int) Math.min(matching, AuditLog.COUNT_CAP);
        count.setText(matching == 0 ? "No entries match." : matching > AuditLog.COUNT_CAP
                ? String.format(Formats.locale(), "More than %,d entries: the newest %,d are listed. Narrow the filters, "
                + "or export them all.", AuditLog.COUNT_CAP, AuditLog.COUNT_CAP)
                : String.format(Formats.locale(), matching == 1 ? "%,d entry" : "%,d entries", matching));
        grid.setItems(query -> auditLog.page(shown, query.getOffset(), query.getLimit()).stream(), query -> rows);
    }

    private Button detailsButton(AuditEntry entry) {
        Button open = new Button("Details", click -> new AuditEntryDialog(auditLog, entry.id(), this::time).open());
        open.setId("audit-details-" + entry.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        open.getElement().setAttribute("aria-label", "Details of entry " + entry.id());
        return open;
    }

    private void verify() {
        ChainCheck check = auditLog.verifyChain();
        chainResult.setVisible(true);
        chainResult.removeClassNames("chain-intact", "chain-broken");
        if (check.intact()) {
            chainResult.setText(String.format(Formats.locale(), "The chain is intact: %,d entries checked.",
                    check.entriesChecked()));
            chainResult.addClassName("chain-intact");
        } else {
            chainResult.setText("The chain is broken at entry " + check.brokenEntryId()
                    + (check.brokenAt() == null ? "" : " (" + time(check.brokenAt()) + ")") + ": " + check.problem()
                    + String.format(Formats.locale(), ". The %,d entries before it are intact.", check.entriesChecked()));
            chainResult.addClassName("chain-broken");
        }
    }

    private DownloadHandler csv() {
        return event -> {
            event.setFileName("audit-log-" + LocalDate.now(clock) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            event.getResponse().setHeader("Cache-Control", "private, no-store");
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            auditLog.exportCsv(filter, event.getOutputStream());
        };
    }

    /** On a phone the text columns become one wrapped column beside the Details button, so a row fits in 390 px. */
    void fit(int windowWidth) {
        columns.fit(windowWidth);
    }

    String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(Formats.locale())
                .withZone(clock.getZone()).format(instant);
    }

    /** LOGIN_SUCCEEDED reads "Login succeeded". */
    static String label(AuditAction action) {
        String words = action.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String customerOf(AuditEntry entry) {
        if (entry.customerId() == null) {
            return "—";
        }
        return entry.customer() == null ? "#" + entry.customerId() : entry.customer() + " (#" + entry.customerId() + ")";
    }

    static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
