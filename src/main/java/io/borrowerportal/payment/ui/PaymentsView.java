package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.payment.PaymentRefusedException;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.util.List;

/**
 * The Payments tab: the two ways to pay the lender offers ("Credit/Debit Card Payment", "Bank Account
 * Payment"), every payment on the loan as a list of cards (a card reads on a phone where a wide table would
 * scroll sideways), cancelling a scheduled one, and the payoff quote letter.
 */
@Route(value = "accounts/:loanNumber/payments", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class PaymentsView extends AccountTabView {

    private final PaymentService paymentService;
    private final SettingsService settingsService;
    private final Clock clock;
    private final Div list = new Div();

    PaymentsView(AccountService accountService, SettingsService settingsService, PaymentService paymentService,
                 Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.PAYMENTS);
        this.paymentService = paymentService;
        this.settingsService = settingsService;
        this.clock = clock;
        addClassName("payments-view");
        list.addClassName("payment-list");
        list.setId("payment-list");
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        String loanNumber = detail.info().loanNumber();
        PaymentSettings rules = settingsService.payments();
        if (rules.enabled() && detail.figures().status() != LoanStatus.PAID_OFF) {
            add(entryPoints(loanNumber, rules));
        }
        // Under review (decision 032) no payoff is quoted: the service refuses the letter, so it is not offered.
        if (detail.figures().status() != LoanStatus.PAID_OFF && !detail.info().balanceUnderReview()) {
            Div downloads = new Div();
            downloads.addClassName("downloads");
            downloads.add(PaymentTexts.pdfDownload("Payoff quote (PDF)", "payoff-quote",
                    "payoff-quote-" + loanNumber + ".pdf", () -> paymentService.payoffQuotePdf(loanNumber)));
            add(downloads);
        }
        Div section = new Div();
        section.addClassName("table-card");
        section.add(new H2("Payments"), list);
        add(section);
        show(loanNumber);
    }

    /**
     * "Credit/Debit Card Payment" and "Bank Account Payment", each opening Make a Payment for that channel only;
     * a channel the lender does not take is not offered.
     */
    private static Div entryPoints(String loanNumber, PaymentSettings rules) {
        Div entries = new Div();
        entries.addClassName("pay-entry-points");
        entries.setId("pay-entry-points");
        if (rules.cardAllowed()) {
            entries.add(entry(AccountNavigation.makeCardPayment(loanNumber), "Credit/Debit Card Payment", "pay-by-card"));
        }
        if (rules.bankAllowed()) {
            entries.add(entry(AccountNavigation.makeBankPayment(loanNumber), "Bank Account Payment", "pay-by-bank"));
        }
        return entries;
    }

    private static Anchor entry(String href, String text, String id) {
        Anchor entry = new Anchor(href, text);
        entry.getElement().setAttribute("router-link", true);
        entry.setId(id);
        entry.addClassName("pay-entry");
        return entry;
    }

    private void show(String loanNumber) {
        list.removeAll();
        List<PaymentSummary> payments = paymentService.payments(loanNumber);
        if (payments.isEmpty()) {
            Paragraph empty = new Paragraph("No online payments on this loan yet. Use \"Make a Payment\" to pay by card "
                    + "or bank account.");
            empty.setId("payments-empty");
            empty.addClassName("empty-state");
            list.add(empty);
            return;
        }
        payments.forEach(p -> list.add(card(loanNumber, p)));
    }

    private Div card(String loanNumber, PaymentSummary p) {
        Div card = new Div();
        card.addClassName("payment-card");
        card.setId("payment-" + p.confirmationNumber());

        Div top = new Div();
        top.addClassName("payment-card-top");
        Span total = new Span(Formats.money(p.total()));
        total.addClassName("payment-total");
        top.add(total, new PaymentBadge(p.status()));

        Anchor confirmation = new Anchor(AccountNavigation.payment(loanNumber, p.confirmationNumber()),
                p.confirmationNumber());
        confirmation.getElement().setAttribute("router-link", true);
        confirmation.getElement().setAttribute("aria-label", "Payment " + p.confirmationNumber() + ", receipt");
        confirmation.addClassName("payment-confirmation");

        Div facts = new Div();
        facts.addClassName("payment-facts");
        facts.add(fact("Submitted", PaymentTexts.day(p.submittedAt(), clock.getZone())),
                fact("Process date", Formats.date(p.processDate())),
                fact("Method", p.method()),
                fact("Type", p.madeBy() == null ? p.type().label() : p.madeBy()));
        if (p.convenienceFee() != null && p.convenienceFee().signum() > 0) {
            facts.add(fact("Amount", Formats.money(p.amount()) + " + " + Formats.money(p.convenienceFee()) + " fee"));
        }
        if (!"You".equals(p.payerName())) {
            facts.add(fact("Paid by", p.payerName()));
        }
        card.add(top, confirmation, facts);
        if (p.statusReason() != null && !p.statusReason().isBlank()) {
            Paragraph reason = new Paragraph(p.statusReason()
                    + (p.returnCode() == null ? "" : " (return code " + p.returnCode() + ")"));
            reason.addClassName("payment-reason");
            card.add(reason);
        }
        if (p.cancellable()) {
            Button cancel = new Button("Cancel", click -> confirmCancel(loanNumber, p));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-" + p.confirmationNumber());
            cancel.getElement().setAttribute("aria-label", "Cancel payment " + p.confirmationNumber());
            card.add(cancel);
        }
        return card;
    }

    private void confirmCancel(String loanNumber, PaymentSummary p) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("cancel-dialog");
        dialog.setHeader("Cancel this payment?");
        dialog.setText("Cancel the payment of " + Formats.money(p.total()) + " scheduled for "
                + Formats.date(p.processDate()) + "?");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep it");
        dialog.setConfirmText("Cancel payment");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            try {
                paymentService.cancel(loanNumber, p.confirmationNumber());
                Notification.show("Payment " + p.confirmationNumber() + " is cancelled.", 5000,
                        Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (PaymentRefusedException refused) {
                Notification.show(refused.getMessage(), 8000, Notification.Position.BOTTOM_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            show(loanNumber);
        });
        dialog.open();
    }

    private static Div fact(String label, String value) {
        Div fact = new Div();
        fact.addClassName("payment-fact");
        Span caption = new Span(label);
        caption.addClassName("figure-label");
        Span text = new Span(value);
        fact.add(caption, text);
        return fact;
    }
}
