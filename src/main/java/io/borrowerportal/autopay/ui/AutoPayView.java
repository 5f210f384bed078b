package io.borrowerportal.autopay.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.autopay.AutoPayOptions;
import io.borrowerportal.autopay.AutoPayRefusedException;
import io.borrowerportal.autopay.AutoPayQueries;
import io.borrowerportal.autopay.AutoPayReviews;
import io.borrowerportal.autopay.AutoPayService;
import io.borrowerportal.autopay.AutoPayStatus;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/**
 * The AutoPay tab: the loan's AutoPays (its borrowers' both) with method, schedule, amount, next payment and
 * status, and what the viewer may do: edit, pause, resume or cancel their own, each confirmed first. Cards,
 * not a table, so it reads on a phone.
 */
@Route(value = "accounts/:loanNumber/autopay", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class AutoPayView extends AccountTabView {

    private final AutoPayService autopays;
    private final AutoPayReviews reviews;
    private final AutoPayQueries queries;
    private final ZoneId zone;
    private final Div heading = new Div();
    private final Div offer = new Div();
    private final Div list = new Div();
    private final Div alert = new Div();
    private String loanNumber;

    AutoPayView(AccountService accountService, SettingsService settingsService, AutoPayService autopays,
                AutoPayReviews reviews, AutoPayQueries queries, Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.AUTOPAY);
        this.autopays = autopays;
        this.reviews = reviews;
        this.queries = queries;
        this.zone = clock.getZone();
        addClassName("autopay-view");
        heading.addClassName("autopay-heading");
        offer.addClassName("autopay-refusal");
        list.setId("autopay-list");
        list.addClassName("autopay-list");
        alert.setId("autopay-alert");
        alert.addClassNames("alert", "alert-error");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings settings) {
        loanNumber = detail.info().loanNumber();
        Div section = new Div();
        section.addClassName("table-card");
        Paragraph about = new Paragraph("AutoPay pays this loan for you on a schedule, with a saved card or bank "
                + "account. Payments due on a weekend or a bank holiday are made on the next business day, and you "
                + "get a reminder 3 days before each one.");
        about.addClassName("autopay-about");
        section.add(heading, about, offer, alert, list);
        add(section);
        refresh();
    }

    /** The heading's "Schedule AutoPay" (or why not) and the list, as they stand after any change. */
    private void refresh() {
        AutoPayOptions options = reviews.options(loanNumber);
        heading.removeAll();
        heading.add(new H2("AutoPay"));
        offer.removeAll();
        offer.setVisible(options.refusal() != null);
        if (options.refusal() == null) {
            Anchor schedule = new Anchor(AccountNavigation.scheduleAutoPay(loanNumber, null), "Schedule AutoPay");
            schedule.getElement().setAttribute("router-link", true);
            schedule.addClassName("button-link");
            schedule.setId("schedule-autopay");
            heading.add(schedule);
        } else {
            Paragraph refusal = new Paragraph(options.refusal());
            refusal.setId("autopay-refusal");
            offer.add(refusal);
        }
        list.removeAll();
        List<AutoPaySummary> mine = queries.autopays(loanNumber);
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph("No AutoPay on this loan yet.");
            none.setId("autopay-empty");
            none.addClassName("empty-state");
            list.add(none);
        }
        mine.forEach(autopay -> list.add(card(autopay)));
    }

    private Div card(AutoPaySummary a) {
        Div card = new Div();
        card.addClassName("autopay-card");
        card.setId("autopay-" + a.reference());
        Div top = new Div();
        top.addClassName("autopay-card-top");
        H3 what = new H3(AutoPayTexts.amount(a));
        what.addClassName("autopay-amount");
        top.add(what, new AutoPayBadge(a.status()));
        card.add(top);

        Div facts = new Div();
        facts.addClassName("payment-facts");
        facts.add(fact("Reference", a.reference(), "autopay-reference"),
                fact("Pay with", a.method(), "autopay-method"),
                fact("How often", AutoPayTexts.frequency(a), "autopay-frequency"),
                fact(a.status().open() && a.status() != AutoPayStatus.ACTIVE
                        ? "Next payment if resumed" : "Next payment", AutoPayTexts.next(a), "autopay-next"),
                fact("Payments made", AutoPayTexts.progress(a), "autopay-progress"));
        if (!a.mine()) {
            facts.add(fact("Set up by", "Co-borrower", "autopay-owner"));
        }
        facts.add(fact("Authorized", AutoPayTexts.instant(a.authorizedAt(), zone), "autopay-authorized"));
        card.add(facts);
        if (a.statusReason() != null && a.status() != AutoPayStatus.ACTIVE) {
            Paragraph reason = new Paragraph(a.statusReason());
            // Only a suspended AutoPay needs the customer; a paused, cancelled or finished one just says why.
            reason.addClassName(a.status() == AutoPayStatus.SUSPENDED ? "payment-reason" : "autopay-note");
            reason.setId("autopay-" + a.reference() + "-reason");
            card.add(reason);
        }
        Div buttons = new Div();
        buttons.addClassName("profile-buttons");
        if (a.canEdit()) {
            Button edit = new Button("Edit", click -> getUI().ifPresent(ui ->
                    ui.navigate(AccountNavigation.editAutoPay(loanNumber, a.reference()))));
            edit.getElement().setAttribute("aria-label", "Edit AutoPay " + a.reference());
            edit.setId("autopay-" + a.reference() + "-edit");
            buttons.add(edit);
        }
        if (a.canPause()) {
            buttons.add(action(a, "pause", "Pause", "Pause this AutoPay?",
                    "No payments are made while it is paused, including the one on " + AutoPayTexts.next(a)
                            + ". You can resume it at any time.", "Pause AutoPay", false,
                    ref -> autopays.pause(loanNumber, ref), "AutoPay " + a.reference() + " is paused."));
        }
        if (a.canResume()) {
            buttons.add(action(a, "resume", "Resume", "Resume this AutoPay?",
                    "It pays again from " + AutoPayTexts.next(a) + " on, with " + a.method() + ".", "Resume AutoPay",
                    false, ref -> autopays.resume(loanNumber, ref), "AutoPay " + a.reference() + " is on again."));
        }
        if (a.canCancel()) {
            buttons.add(action(a, "cancel", "Cancel", "Cancel this AutoPay?",
                    "It makes no more payments. Payments it already made are not affected. To pay automatically "
                            + "again you will need to schedule a new AutoPay.", "Cancel AutoPay", true,
                    ref -> autopays.cancel(loanNumber, ref), "AutoPay " + a.reference() + " is cancelled."));
        }
        if (buttons.getChildren().findAny().isPresent()) {
            card.add(buttons);
        } else if (a.mine() && a.status().open()) {
            Paragraph phone = new Paragraph("To change this AutoPay, call us.");
            phone.addClassName("autopay-note");
            card.add(phone);
        }
        card.add(history(a));
        return card;
    }

    private Button action(AutoPaySummary a, String id, String label, String header, String text, String confirmText,
                          boolean destructive, Function<String, AutoPaySummary> work, String done) {
        Button button = new Button(label, click -> {
            alert.setVisible(false);
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("autopay-confirm");
            confirm.setHeader(header);
            confirm.setText(text);
            confirm.setCancelable(true);
            confirm.setCancelText("Keep it as it is");
            confirm.setConfirmText(confirmText);
            confirm.setConfirmButtonTheme(destructive ? "error primary" : "primary");
            confirm.addConfirmListener(event -> {
                try {
                    work.apply(a.reference());
                    Notification.show(done, 5000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (AutoPayRefusedException refused) {
                    alert.setText(refused.getMessage());
                    alert.setVisible(true);
                }
                refresh();
            });
            confirm.open();
        });
        button.setId("autopay-" + a.reference() + "-" + id);
        button.getElement().setAttribute("aria-label", label + " AutoPay " + a.reference());
        if (destructive) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }

    private Details history(AutoPaySummary a) {
        Div body = new Div();
        body.addClassName("autopay-history");
        if (!a.runs().isEmpty()) {
            UnorderedList runs = new UnorderedList();
            runs.addClassName("autopay-runs");
            a.runs().forEach(run -> {
                ListItem item = new ListItem(AutoPayTexts.run(run));
                runs.add(item);
            });
            body.add(new Span("Payments"), runs);
        }
        UnorderedList changes = new UnorderedList();
        changes.addClassName("autopay-changes");
        a.history().forEach(change -> changes.add(new ListItem(AutoPayTexts.instant(change.at(), zone) + " · "
                + change.action() + " " + AutoPayTexts.by(change.by()) + ": " + change.detail())));
        body.add(new Span("Changes"), changes);
        Details details = new Details("History", body);
        details.setId("autopay-" + a.reference() + "-history");
        details.addClassName("autopay-details");
        return details;
    }

    private static Div fact(String label, String value, String className) {
        Div fact = new Div();
        fact.addClassNames("payment-fact", className);
        Span caption = new Span(label);
        caption.addClassName("figure-label");
        Span text = new Span(value);
        fact.add(caption, text);
        return fact;
    }
}
