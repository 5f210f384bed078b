package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.NarrowColumns;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.common.Dates;
import io.borrowerportal.security.Role;
import io.borrowerportal.servicing.BalanceDifference;
import io.borrowerportal.servicing.Reconciliation;
import io.borrowerportal.servicing.ReconciliationRunSummary;
import io.borrowerportal.servicing.ReconciliationTrigger;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The reconciliation of the servicer's balances with the portal's (decision 032): the last run, its counts and
 * its differing loans with both figures, the difference and each side's last entry, and "Run now". The list is
 * read a page at a time, since after a bad night it can hold much of the book.
 */
@Route(value = "staff/reconciliation", layout = StaffLayout.class)
@Menu(title = "Reconciliation", order = 45)
@PageTitle("Reconciliation")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class ReconciliationView extends Div {

    static final String NO_RUN = "No reconciliation has run yet.";
    static final String BUSY = "A reconciliation is running already (the nightly run, or another staff member's). "
            + "Its results show here when it ends.";

    private final Reconciliation reconciliation;
    private final Clock clock;
    private final Paragraph lastRun = new Paragraph();
    private final Div message = new Div();
    private final Grid<BalanceDifference> grid = new Grid<>();
    private final NarrowColumns<BalanceDifference> columns;

    ReconciliationView(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
        addClassName("reconciliation-view");
        add(new H1("Reconciliation"));
        add(new Paragraph("Each night, and when you run it, the servicing system's principal balance of every loan it "
                + "sent one for is compared with the portal's, as of the servicing system's date. Loans that differ by "
                + "more than one cent are listed; their customers see \"Your balance is being updated\" instead of the "
                + "balance until a run finds the two equal again."));
        lastRun.setId("reconciliation-last-run");
        Button run = new Button("Run now", click -> runNow());
        run.setId("reconciliation-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setDisableOnClick(true);
        run.addClickListener(click -> run.setEnabled(true));
        message.setId("reconciliation-message");
        message.addClassNames("alert", "alert-info");
        message.getElement().setAttribute("role", "status");
        message.setVisible(false);
        Div toolbar = new Div(lastRun, run);
        toolbar.addClassName("reconciliation-toolbar");
        add(toolbar, message);

        grid.setId("reconciliation-differences");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(50);
        List<Grid.Column<BalanceDifference>> wide = List.of(
                grid.addColumn(BalanceDifference::loanNumber).setHeader("Loan").setWidth("8rem").setFlexGrow(0),
                grid.addColumn(d -> Formats.date(d.asOf())).setHeader("As of").setWidth("8rem").setFlexGrow(0),
                grid.addColumn(d -> Formats.money(d.servicerBalance())).setHeader("Servicer").setWidth("8rem")
                        .setFlexGrow(0).setTextAlign(ColumnTextAlign.END),
                grid.addColumn(d -> Formats.money(d.portalBalance())).setHeader("Portal").setWidth("8rem")
                        .setFlexGrow(0).setTextAlign(ColumnTextAlign.END),
                grid.addColumn(d -> Formats.money(d.difference())).setHeader("Difference").setWidth("8rem")
                        .setFlexGrow(0).setTextAlign(ColumnTextAlign.END),
                grid.addColumn(d -> orNone(d.portalLastEntry())).setHeader("Portal's last entry").setWidth("12rem")
                        .setFlexGrow(1),
                grid.addColumn(d -> orNone(d.servicerLastEntry())).setHeader("Servicer's last entry")
                        .setWidth("12rem").setFlexGrow(1));
        columns = new NarrowColumns<>(grid, wide,
                grid.addColumn(ReconciliationView::oneLine).setHeader("Loan").setFlexGrow(1));
        add(grid);
        refresh();
    }

    private void runNow() {
        Optional<ReconciliationRunSummary> run = reconciliation.runNow();
        message.setVisible(true);
        message.setText(run.map(r -> "Run finished: " + counts(r) + ".").orElse(BUSY));
        refresh();
    }

    private void refresh() {
        Optional<ReconciliationRunSummary> last = reconciliation.lastRun();
        if (last.isEmpty()) {
            lastRun.setText(NO_RUN);
            grid.setItems(List.of());
            return;
        }
        ReconciliationRunSummary run = last.get();
        lastRun.setText("Last run " + Dates.MOMENT.format(run.finishedAt().atZone(clock.getZone())) + " ("
                + (run.trigger() == ReconciliationTrigger.NIGHTLY ? "nightly" : "by " + run.runBy()) + "): "
                + counts(run) + ".");
        long rows = reconciliation.countDifferences(run.id());
        grid.setItems(query -> reconciliation.differences(run.id(), query.getPage(), query.getPageSize()).stream(),
                query -> (int) rows);
    }

    private static String counts(ReconciliationRunSummary run) {
        return run.compared() + (run.compared() == 1 ? " loan" : " loans") + " compared, " + run.differing()
                + " differ" + (run.differing() == 1 ? "s" : "") + ", " + run.cleared() + " cleared";
    }

    private static String oneLine(BalanceDifference d) {
        return d.loanNumber() + " as of " + Formats.date(d.asOf()) + ": servicer " + Formats.money(d.servicerBalance())
                + ", portal " + Formats.money(d.portalBalance()) + ", difference " + Formats.money(d.difference())
                + ". Portal's last entry: " + orNone(d.portalLastEntry()) + ". Servicer's last entry: "
                + orNone(d.servicerLastEntry()) + ".";
    }

    private static String orNone(String text) {
        return text == null ? "None" : text;
    }

    /** On a phone the columns become one wrapped column, so a row fits in 390 px. */
    void fit(int windowWidth) {
        columns.fit(windowWidth);
    }
}
