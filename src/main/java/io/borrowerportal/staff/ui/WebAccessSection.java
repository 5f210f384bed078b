package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.borrowerportal.account.AccountWebAccess;
import io.borrowerportal.account.LoanWebAccess;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.StaffCustomerSection;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.InvalidValueException;
import io.borrowerportal.common.WebAccessReason;
import io.borrowerportal.customer.CustomerWebAccess;
import io.borrowerportal.customer.WebAccessState;

import java.time.Clock;
import java.time.Instant;

/**
 * On a customer's staff page: web access for the customer as a whole and for each of their loans, each switched
 * off or on through a dialog that asks for the reason (decision 025). The services refuse anyone but staff and
 * admins, every preview, and a blank reason; the reason goes to the audit log.
 */
@SpringComponent
class WebAccessSection implements StaffCustomerSection {

    static final int ORDER = 20;

    private final CustomerWebAccess customerAccess;
    private final AccountWebAccess loanAccess;
    private final Clock clock;

    WebAccessSection(CustomerWebAccess customerAccess, AccountWebAccess loanAccess, Clock clock) {
        this.customerAccess = customerAccess;
        this.loanAccess = loanAccess;
        this.clock = clock;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public Component render(long customerId) {
        Div section = new Div();
        section.setId("web-access");
        section.addClassName("web-access");
        fill(section, customerId);
        return section;
    }

    private void fill(Div section, long customerId) {
        section.removeAll();
        section.add(new H2("Web access"));
        WebAccessState customer = customerAccess.state(customerId);
        section.add(row("web-access-customer", "Customer website, all loans", customer.on(), customer.reason(),
                customer.changedAt(), customer.changedBy(),
                (on, reason) -> customerAccess.switchWebAccess(customerId, on, reason), () -> fill(section, customerId)));
        if (!customer.on()) {
            Paragraph note = new Paragraph("While the customer's access is off, none of the loans below is shown to them.");
            note.addClassName("web-access-note");
            section.add(note);
        }
        for (LoanWebAccess loan : loanAccess.loansOf(customerId)) {
            section.add(row("web-access-" + loan.loanNumber(), "Loan " + loan.loanNumber() + " (" + loan.title() + ")",
                    loan.on(), loan.reason(), loan.changedAt(), loan.changedBy(),
                    (on, reason) -> loanAccess.switchWebAccess(loan.loanNumber(), on, reason), () -> fill(section, customerId)));
        }
    }

    private interface Switch {
        void to(boolean on, String reason);
    }

    private Div row(String id, String label, boolean on, String reason, Instant changedAt, String changedBy,
                    Switch change, Runnable refresh) {
        Div row = new Div();
        row.setId(id);
        row.addClassName("web-access-row");
        Span name = new Span(label);
        name.addClassName("web-access-name");
        Span state = new Span(on ? "On" : "Off");
        state.setId(id + "-state");
        state.getElement().getThemeList().add(on ? "badge success" : "badge error");
        Button toggle = new Button(on ? "Switch off" : "Switch on", click -> reasonDialog(label, !on, change, refresh).open());
        toggle.setId(id + "-switch");
        if (on) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        row.add(name, state, toggle);
        if (changedAt != null) {
            Paragraph last = new Paragraph("Switched " + (on ? "on " : "off ") + moment(changedAt) + " by " + changedBy
                    + ": " + reason);
            last.setId(id + "-last");
            last.addClassName("web-access-last");
            row.add(last);
        }
        return row;
    }

    private Dialog reasonDialog(String label, boolean on, Switch change, Runnable refresh) {
        Dialog dialog = new Dialog();
        dialog.setId("web-access-dialog");
        dialog.setHeaderTitle("Switch web access " + (on ? "on" : "off") + ": " + label);
        TextArea reason = new TextArea("Reason (kept in the audit log)");
        reason.setId("web-access-reason");
        reason.setMaxLength(WebAccessReason.MAX_LENGTH);
        reason.setRequired(true);
        reason.setManualValidation(true);
        reason.setWidthFull();
        reason.setHelperText(on ? "For example: \"Dispute resolved, customer called on 12/10.\""
                : "For example: \"Account under fraud review.\"");
        Button confirm = new Button(on ? "Switch on" : "Switch off", click -> {
            try {
                change.to(on, reason.getValue());
            } catch (InvalidValueException invalid) {
                reason.setErrorMessage(invalid.getMessage());
                reason.setInvalid(true);
                reason.focus();
                return;
            } catch (IllegalArgumentException stale) {
                // Someone else switched it meanwhile: say so and show the page as it is now.
                dialog.close();
                Notification.show(stale.getMessage(), 5000, Notification.Position.TOP_CENTER);
                refresh.run();
                return;
            }
            dialog.close();
            Notification.show("Web access switched " + (on ? "on" : "off") + ": " + label, 4000,
                    Notification.Position.TOP_CENTER);
            refresh.run();
        });
        confirm.setId("web-access-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!on) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("web-access-cancel");
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }

    private String moment(Instant at) {
        return Dates.STAMP.withLocale(Formats.locale()).format(at.atZone(clock.getZone()));
    }
}
