package io.borrowerportal.account.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.TransactionExports;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.ledger.HistoryRow;
import io.borrowerportal.ledger.Installment;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/** History with its split, progress to payoff, the balance chart and the forecast. */
@Route(value = "accounts/:loanNumber/transactions", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class TransactionsView extends AccountTabView {

    TransactionsView(AccountService accountService, SettingsService settingsService) {
        super(accountService, settingsService, AccountPage.Tab.TRANSACTIONS);
        addClassName("transactions-view");
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        String number = detail.info().loanNumber();
        AccountService accountService = accountService();
        // Under review (decisions 032, 035) the history stays, as posted, without the balance after each entry;
        // what is projected from the balance does not.
        boolean underReview = detail.info().balanceUnderReview();
        if (underReview) {
            BalanceReviewNotice notice = new BalanceReviewNotice(settings.supportPhone());
            notice.setId("balance-review-notice");
            add(notice);
        } else {
            add(progress(detail.figures()));
        }
        if (settings.showBalanceChart() && !underReview) {
            Div chart = new Div();
            chart.addClassName("chart-card");
            chart.add(new H2("Balance over time"));
            chart.add(new Html("<div class=\"balance-chart\">"
                    + BalanceChart.svg(detail.history(), detail.forecast(), Formats.locale()) + "</div>"));
            add(chart);
        }
        if (settings.allowTransactionDownload()) {
            Div downloads = new Div();
            downloads.addClassName("downloads");
            downloads.add(download("Download PDF", "download-pdf", "transactions-" + number + ".pdf", "application/pdf",
                    () -> accountService.transactionsPdf(number)));
            downloads.add(download("Download CSV", "download-history-csv", "transactions-" + number + ".csv", "text/csv",
                    () -> accountService.historyCsv(number)));
            if (settings.showForecast() && !underReview) {
                downloads.add(download("Download forecast CSV", "download-forecast-csv", "forecast-" + number + ".csv",
                        "text/csv", () -> accountService.forecastCsv(number)));
            }
            add(downloads);
        }
        // The grids keep a page of rows each, not the whole history and forecast (decision 039).
        add(history(detail.history().reversed(), () -> accountService.detail(number).history().reversed(), !underReview));
        if (settings.showForecast() && !underReview) {
            add(forecast(detail.forecast(), () -> accountService.detail(number).forecast()));
        }
    }

    private static Div progress(LoanFigures f) {
        Div section = new Div();
        section.addClassName("progress-card");
        section.setId("progress");
        section.add(new H2("Progress to payoff"));
        ProgressBar bar = new ProgressBar(0, 100, f.principalPaidPercent().doubleValue());
        bar.getElement().setAttribute("aria-label", "Share of the original principal repaid");
        Paragraph text = new Paragraph("You have repaid " + f.principalPaidPercent().toPlainString() + "% of the "
                + Formats.money(f.originalPrincipal()) + " you borrowed.");
        Div stats = new Div();
        stats.addClassName("progress-stats");
        stats.add(new Figure("Payments made", String.valueOf(f.paymentsMade())),
                new Figure("Payments remaining", String.valueOf(f.paymentsRemaining())),
                new Figure("Projected payoff", Formats.date(f.projectedPayoffDate())));
        section.add(bar, text, stats);
        return section;
    }

    /**
     * @param newestFirst the history as read, newest first, as people read statements
     * @param reread      the same, read again, for a page past the first
     * @param withBalance false under review: the balance after each entry ends at the balance in question
     */
    private static Div history(List<HistoryRow> newestFirst, SerializableSupplier<List<HistoryRow>> reread, boolean withBalance) {
        Div section = new Div();
        section.addClassName("table-card");
        section.add(new H2("Transaction history"));
        Grid<HistoryRow> grid = new Grid<>();
        grid.setId("history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        // Date, type and amount first: on a phone those are what shows before the grid scrolls sideways.
        grid.addColumn(r -> Formats.shortDate(r.entry().effectiveDate())).setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> TransactionExports.typeName(r.entry().type())).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        money(grid, "Amount", r -> r.entry().amount());
        money(grid, "Principal", r -> r.entry().principal());
        money(grid, "Interest", r -> r.entry().interest());
        money(grid, "Fees", r -> r.entry().fees());
        if (withBalance) {
            money(grid, "Balance after", HistoryRow::principalBalanceAfter);
        }
        grid.addColumn(r -> r.reversed() ? "Reversed" : "Posted").setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.entry().description()).setHeader("Description").setAutoWidth(true);
        LazyRows.show(grid, newestFirst, reread);
        grid.setHeight("420px");
        section.add(grid);
        return section;
    }

    /**
     * The forecast's outline, and its grid only when the borrower asks for it: the grid with its first page of rows
     * was about 90 KB of each session's heap while the page was open (decision 039). Nothing of the forecast is kept
     * until then; the grid reads it again.
     */
    private static Div forecast(List<Installment> rows, SerializableSupplier<List<Installment>> reread) {
        Div section = new Div();
        section.addClassName("table-card");
        section.setId("forecast-section");
        section.add(new H2("Payment forecast"));
        section.add(new Paragraph("Future payments from today's balance if each is paid on its due date; the first one "
                + "includes anything past due."));
        if (rows.isEmpty()) {
            section.add(new Paragraph("No payments are left."));
            return section;
        }
        Installment next = rows.getFirst();
        Installment last = rows.getLast();
        Paragraph outline = new Paragraph(rows.size() == 1
                ? "One payment is left: " + Formats.money(next.payment()) + " on " + Formats.date(next.dueDate()) + "."
                : rows.size() + " payments to payoff: the next " + Formats.money(next.payment()) + " on "
                + Formats.date(next.dueDate()) + ", the last " + Formats.money(last.payment()) + " on "
                + Formats.date(last.dueDate()) + ".");
        outline.setId("forecast-outline");
        Button show = new Button("Show every payment");
        show.setId("show-forecast");
        show.addClickListener(click -> {
            Grid<Installment> grid = forecastGrid(reread.get(), reread);
            section.remove(show);
            section.add(grid);
            grid.focus();
        });
        section.add(outline, show);
        return section;
    }

    private static Grid<Installment> forecastGrid(List<Installment> rows, SerializableSupplier<List<Installment>> reread) {
        Grid<Installment> grid = new Grid<>();
        grid.setId("forecast");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> Formats.shortDate(r.dueDate())).setHeader("Due date").setAutoWidth(true).setFlexGrow(0);
        money(grid, "Payment", Installment::payment);
        money(grid, "Principal", Installment::principal);
        money(grid, "Interest", Installment::interest);
        money(grid, "Fees", Installment::fees);
        money(grid, "Balance after", Installment::balanceAfter);
        LazyRows.show(grid, rows, reread);
        grid.setHeight("420px");
        return grid;
    }

    private static <T> void money(Grid<T> grid, String header, java.util.function.Function<T, BigDecimal> value) {
        grid.addColumn(item -> Formats.money(value.apply(item))).setHeader(header).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }

    private static Anchor download(String text, String id, String fileName, String contentType, Supplier<byte[]> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), text);
        anchor.setId(id);
        anchor.addClassName("download-link");
        return anchor;
    }
}
