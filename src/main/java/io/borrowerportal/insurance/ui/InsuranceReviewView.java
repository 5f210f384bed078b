package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.document.StaffDocumentNavigation;
import io.borrowerportal.insurance.InsuranceFields;
import io.borrowerportal.insurance.InsuranceRefusedException;
import io.borrowerportal.insurance.InsuranceReviews;
import io.borrowerportal.insurance.PolicyDetails;
import io.borrowerportal.insurance.PolicyVersionSummary;
import io.borrowerportal.insurance.ReviewItem;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.util.List;

/**
 * The staff review queue: every policy submission waiting, oldest first, with the loan, the customer, the
 * policy and its proof. Verify it, or reject it with the reason the customer will read.
 */
@Route(value = "staff/insurance", layout = StaffLayout.class)
@Menu(title = "Insurance review", order = 20)
@PageTitle("Insurance reviews")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class InsuranceReviewView extends Div {

    static final String EMPTY = "No policies are waiting for review.";

    private final InsuranceReviews reviews;
    private final Clock clock;
    private final Div queue = new Div();
    private final Div error = new Div();

    InsuranceReviewView(InsuranceReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
        addClassName("insurance-reviews");
        add(new H1("Insurance reviews"));
        add(new Paragraph("Policies customers submitted, oldest first. Verify a policy that matches its proof, or "
                + "reject it with a reason: the customer reads the reason on the website and by email."));
        error.setId("insurance-review-error");
        error.addClassNames("alert", "alert-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        queue.setId("insurance-queue");
        queue.addClassName("insurance-queue");
        add(error, queue);
        refresh();
    }

    private void refresh() {
        queue.removeAll();
        List<ReviewItem> waiting = reviews.queue();
        if (waiting.isEmpty()) {
            Paragraph empty = new Paragraph(EMPTY);
            empty.setId("insurance-queue-empty");
            queue.add(empty);
        }
        waiting.forEach(item -> queue.add(card(item)));
    }

    private Div card(ReviewItem item) {
        PolicyVersionSummary v = item.version();
        PolicyDetails p = v.details();
        Div card = new Div();
        card.setId("review-" + v.id());
        card.addClassNames("ops-section", "insurance-review");
        card.add(new H2("Loan " + v.loanNumber() + " · version " + v.versionNumber()));
        card.add(line("Customer", item.customerName() + (item.customerEmail().isEmpty() ? "" : " (" + item.customerEmail() + ")")),
                line("Submitted", Dates.MOMENT.format(v.submittedAt().atZone(clock.getZone()))),
                line("Insurance company", p.insuranceCompany()),
                line("Insured name", p.insuredName()),
                line("Agent", p.agentName() == null ? "None" : p.agentName()),
                line("Policy number", p.policyNumber()),
                line("Phone", p.phone()),
                line("Deductible", Money.format(p.deductible())),
                line("Coverage", Dates.day(p.coverageStart()) + " to " + Dates.day(p.coverageEnd())),
                line("Proof of insurance", v.proofDocumentLabel() == null ? "None attached" : v.proofDocumentLabel()));
        if (v.proofDocumentId() != null) {
            Anchor proof = new Anchor(StaffDocumentNavigation.loanDocuments(v.loanNumber()), "Open the loan's documents");
            proof.setId("proof-" + v.id());
            card.add(proof);
        }
        Button verify = new Button("Verify", click -> verify(v));
        verify.setId("verify-" + v.id());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject…", click -> rejectDialog(v).open());
        reject.setId("reject-" + v.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(verify, reject);
        actions.addClassName("insurance-review-actions");
        card.add(actions);
        return card;
    }

    private void verify(PolicyVersionSummary version) {
        error.setVisible(false);
        try {
            reviews.verify(version.id());
        } catch (InsuranceRefusedException refused) {
            showError(refused.getMessage());
            refresh();
            return;
        }
        Notification.show("Verified: loan " + version.loanNumber() + ", version " + version.versionNumber(), 4000,
                Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private Dialog rejectDialog(PolicyVersionSummary version) {
        Dialog dialog = new Dialog();
        dialog.setId("insurance-reject-dialog");
        dialog.setHeaderTitle("Reject loan " + version.loanNumber() + ", version " + version.versionNumber());
        TextArea reason = new TextArea("Reason the customer will read");
        reason.setId("insurance-reject-reason");
        reason.setMaxLength(InsuranceFields.REJECTION_REASON_MAX);
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setManualValidation(true);
        reason.setHelperText("For example: \"The policy number does not match the declarations page.\"");
        Button confirm = new Button("Reject", click -> {
            if (!Fields.check(reason, InsuranceFields.rejectionReason(reason.getValue()))) {
                reason.focus();
                return;
            }
            try {
                reviews.reject(version.id(), reason.getValue());
            } catch (InsuranceRefusedException refused) {
                if ("reason".equals(refused.field())) {
                    Fields.check(reason, java.util.Optional.of(refused.getMessage()));
                    return;
                }
                dialog.close();
                showError(refused.getMessage());
                refresh();
                return;
            }
            dialog.close();
            Notification.show("Rejected: loan " + version.loanNumber() + ", version " + version.versionNumber()
                    + ". The customers on the loan were emailed the reason.", 5000, Notification.Position.TOP_CENTER);
            refresh();
        });
        confirm.setId("insurance-reject-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", click -> dialog.close());
        cancel.setId("insurance-reject-cancel");
        dialog.add(reason);
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Div line(String label, String value) {
        Span name = new Span(label + ": ");
        name.addClassName("insurance-review-label");
        Div line = new Div(name, new Span(value));
        line.addClassName("insurance-review-line");
        return line;
    }
}
