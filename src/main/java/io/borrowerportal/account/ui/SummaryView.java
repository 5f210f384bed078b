package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.SummaryField;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The account Summary: the fields the lender enabled, with alerts on top. */
@Route(value = "accounts/:loanNumber/summary", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class SummaryView extends AccountTabView {

    /**
     * The fields computed from the balance: not shown while it is under review (decision 032). The rate, original
     * amount, maturity, next due date, last payment and collateral are facts of the contract and the ledger.
     */
    static final Set<SummaryField> BALANCE_FIGURES = EnumSet.of(SummaryField.AMOUNT_DUE, SummaryField.DAYS_PAST_DUE,
            SummaryField.NEXT_PAYMENT_AMOUNT, SummaryField.PAYOFF_AMOUNT, SummaryField.PRINCIPAL_BALANCE,
            SummaryField.PAYMENTS_REMAINING);

    private final List<SummaryExtension> extensions;

    SummaryView(AccountService accountService, SettingsService settingsService, List<SummaryExtension> extensions) {
        super(accountService, settingsService, AccountPage.Tab.SUMMARY);
        this.extensions = extensions;
        addClassName("summary-view");
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        boolean underReview = detail.info().balanceUnderReview();
        Div alerts = underReview ? reviewAlert(settings) : alerts(detail.figures());
        extensions.forEach(extension -> extension.summaryAlerts(detail).forEach(alerts::add));
        add(alerts);
        add(fields(detail, settings));
        Div actions = new Div();
        actions.addClassName("summary-actions");
        extensions.forEach(extension -> extension.summaryActions(detail).forEach(actions::add));
        if (actions.getChildren().findAny().isPresent()) {
            add(actions);
        }
    }

    /** Instead of the past-due and paid-off alerts, which quote or judge the balance (decision 032). */
    private static Div reviewAlert(WebsiteSettings settings) {
        Div alerts = new Div();
        alerts.addClassName("alerts");
        BalanceReviewNotice notice = new BalanceReviewNotice(settings.supportPhone());
        notice.setId("balance-review-notice");
        alerts.add(notice);
        return alerts;
    }

    private static Div alerts(LoanFigures figures) {
        Div alerts = new Div();
        alerts.addClassName("alerts");
        if (figures.status() == LoanStatus.PAST_DUE) {
            Div alert = new Div();
            alert.addClassNames("alert", "alert-error");
            alert.setId("past-due-alert");
            alert.getElement().setAttribute("role", "alert");
            alert.add(new Span("Your account is " + figures.daysPastDue() + " days past due. "
                    + Formats.money(figures.pastDueAmount()) + " is past due; please pay it as soon as you can."));
            alerts.add(alert);
        } else if (figures.status() == LoanStatus.PAID_OFF) {
            Div alert = new Div();
            alert.addClassNames("alert", "alert-success");
            alert.add(new Span("This loan is paid off. Thank you!"));
            alerts.add(alert);
        }
        return alerts;
    }

    private static Div fields(AccountDetail detail, WebsiteSettings settings) {
        LoanFigures f = detail.figures();
        Div section = new Div();
        section.addClassName("summary-section");
        section.add(new H2("Loan details"));
        Div grid = new Div();
        grid.addClassName("summary-fields");
        grid.setId("summary-fields");
        boolean open = f.status() != LoanStatus.PAID_OFF;
        boolean underReview = detail.info().balanceUnderReview();
        // In the lender's order (issue #12); a field not listed is hidden.
        for (SummaryField field : settings.summaryFields()) {
            if (underReview && BALANCE_FIGURES.contains(field)) {
                continue;
            }
            switch (field) {
                case AMOUNT_DUE -> grid.add(field(field, Formats.money(f.amountDue()), null));
                case DAYS_PAST_DUE -> grid.add(field(field, String.valueOf(f.daysPastDue()), null));
                case NEXT_PAYMENT_AMOUNT -> {
                    if (open) {
                        grid.add(field(field, Formats.money(f.nextPaymentAmount()), null));
                    }
                }
                case NEXT_DUE_DATE -> {
                    if (open) {
                        grid.add(field(field, Formats.date(f.nextDueDate()), null));
                    }
                }
                case PAYOFF_AMOUNT -> grid.add(field(field, Formats.money(f.payoffAmount()),
                        "Good through " + Formats.date(f.asOf()) + "; adds " + Formats.money(f.perDiem()) + " per day"));
                case PRINCIPAL_BALANCE -> grid.add(field(field, Formats.money(f.principalBalance()), null));
                case INTEREST_RATE -> grid.add(field(field, Formats.rate(f.annualRatePercent()), "Fixed annual rate"));
                case ORIGINAL_AMOUNT -> grid.add(field(field, Formats.money(f.originalPrincipal()), null));
                case MATURITY_DATE -> grid.add(field(field, Formats.date(f.maturityDate()), null));
                case PAYMENTS_REMAINING -> grid.add(field(field, String.valueOf(f.paymentsRemaining()), null));
                case LAST_PAYMENT -> grid.add(field(field, f.lastPaymentDate() == null ? "None yet"
                        : Formats.money(f.lastPaymentAmount()) + " on " + Formats.date(f.lastPaymentDate()), null));
                case COLLATERAL -> {
                    if (detail.info().collateralized()) {
                        grid.add(field(field, detail.info().collateralDescription(),
                                detail.info().collateralVin() == null ? null : "VIN " + detail.info().collateralVin()));
                    }
                }
            }
        }
        section.add(grid);
        return section;
    }

    private static Figure field(SummaryField field, String value, String note) {
        Figure figure = new Figure(field.label(), value, note);
        figure.addClassName("summary-field");
        figure.setId("field-" + field.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return figure;
    }
}
