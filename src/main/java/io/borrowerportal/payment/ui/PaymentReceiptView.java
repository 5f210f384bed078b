package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Figure;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.payment.PaymentNotFoundException;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;

/** One payment: what it was, where it is now and how it got there, with its PDF receipt. */
@Route(value = "accounts/:loanNumber/payments/:confirmation", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class PaymentReceiptView extends AccountTabView {

    static final String CONFIRMATION = "confirmation";

    private final PaymentService paymentService;
    private final Clock clock;
    private PaymentSummary payment;

    PaymentReceiptView(AccountService accountService, SettingsService settingsService, PaymentService paymentService,
                       Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.PAYMENTS);
        this.paymentService = paymentService;
        this.clock = clock;
        addClassName("payment-receipt-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String loanNumber = event.getRouteParameters().get(AccountNavigation.LOAN_NUMBER).orElse("");
        String confirmation = event.getRouteParameters().get(CONFIRMATION).orElse("");
        try {
            payment = paymentService.payment(loanNumber, confirmation);
        } catch (PaymentNotFoundException | AccountNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        super.beforeEnter(event);
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        PaymentSummary p = payment;
        String loanNumber = detail.info().loanNumber();
        Div card = new Div();
        card.addClassNames("receipt-card", "receipt-" + p.status().name().toLowerCase(java.util.Locale.ROOT));
        H2 heading = new H2(PaymentTexts.heading(p.status()));
        heading.setId("receipt-heading");

        Div confirmation = new Div();
        confirmation.addClassName("confirmation-block");
        Span caption = new Span("Confirmation number");
        caption.addClassName("figure-label");
        Span number = new Span(p.confirmationNumber());
        number.setId("confirmation-number");
        number.addClassName("confirmation-number");
        confirmation.add(caption, number);

        Div status = new Div();
        status.addClassName("receipt-status");
        status.setId("receipt-status");
        status.add(new PaymentBadge(p.status()));
        if (p.statusReason() != null && !p.statusReason().isBlank()) {
            Span reason = new Span(p.statusReason() + (p.returnCode() == null ? "" : " (" + p.returnCode() + ")"));
            reason.addClassName("payment-reason");
            status.add(reason);
        }

        Div figures = new Div();
        figures.addClassName("receipt-figures");
        figures.setId("receipt-figures");
        figures.add(new Figure("Amount", Formats.money(p.amount())));
        if (p.convenienceFee() != null && p.convenienceFee().signum() > 0) {
            figures.add(new Figure("Convenience fee", Formats.money(p.convenienceFee()), "Not applied to your loan"));
        }
        figures.add(new Figure("Total", Formats.money(p.total())),
                new Figure("Method", p.method()),
                new Figure("Payment type", p.madeBy() == null ? p.type().label() : p.madeBy()),
                new Figure("Submitted", PaymentTexts.moment(p.submittedAt(), clock.getZone())),
                new Figure("Process date", Formats.date(p.processDate())),
                new Figure("Apply date", Formats.date(p.applyDate())));
        if (p.principal() != null) {
            figures.add(new Figure("Principal", Formats.money(p.principal())),
                    new Figure("Interest", Formats.money(p.interest())),
                    new Figure("Fees", Formats.money(p.fees())));
        }

        card.add(heading, confirmation, status, figures);
        if (!p.steps().isEmpty()) {
            card.add(timeline(p));
        }
        Div actions = new Div();
        actions.addClassName("receipt-actions");
        actions.add(PaymentTexts.pdfDownload("Download receipt (PDF)", "download-receipt",
                "receipt-" + p.confirmationNumber() + ".pdf",
                () -> paymentService.receiptPdf(loanNumber, p.confirmationNumber())));
        Anchor back = new Anchor(AccountNavigation.tab(loanNumber, "payments"), "Back to payments");
        back.getElement().setAttribute("router-link", true);
        back.setId("back-to-payments");
        back.addClassName("download-link");
        actions.add(back);
        card.add(actions);
        add(card);
    }

    private Div timeline(PaymentSummary p) {
        Div section = new Div();
        section.addClassName("payment-timeline");
        H2 title = new H2("Timeline");
        OrderedList steps = new OrderedList();
        steps.setId("payment-timeline");
        for (PaymentSummary.Step step : p.steps()) {
            ListItem item = new ListItem();
            Span when = new Span(PaymentTexts.moment(step.at(), clock.getZone()));
            when.addClassName("timeline-when");
            item.add(when, new PaymentBadge(step.status()));
            if (step.note() != null && !step.note().isBlank()) {
                item.add(new Paragraph(step.note()));
            }
            steps.add(item);
        }
        section.add(title, steps);
        return section;
    }

    @Override
    public String getPageTitle() {
        return payment == null ? super.getPageTitle() : PaymentTexts.heading(payment.status()) + " · " + payment.confirmationNumber();
    }
}
