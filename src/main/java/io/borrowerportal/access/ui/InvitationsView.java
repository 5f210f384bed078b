package io.borrowerportal.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * {@code /staff/invitations}: invites, at once, every customer who has no password and no activation link that is
 * still good. Shows how many, asks to confirm, and reports how many were sent.
 */
@Route(value = AccessNavigation.STAFF_INVITATIONS, layout = StaffLayout.class)
@Menu(title = "Invitations", order = 45)
@PageTitle("Invitations")
@RolesAllowed({Role.STAFF, Role.ADMIN})
class InvitationsView extends Div implements BeforeEnterObserver {

    private final Invitations invitations;
    private final Paragraph waiting = new Paragraph();
    private final Paragraph result = new Paragraph();
    private final Button inviteAll = new Button();

    InvitationsView(Invitations invitations) {
        this.invitations = invitations;
        addClassName("staff-invitations");
        waiting.setId("invitations-waiting");
        result.setId("invitations-result");
        inviteAll.setId("invitations-send");
        inviteAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        inviteAll.addClickListener(click -> confirm());
        add(new H1("Invitations"), new Paragraph("Customers who have no password yet get an email with a link to choose"
                + " one; the link works for 7 days. Customers whose last link is still good are left out; send one"
                + " customer a new link from their page."), waiting, inviteAll, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        int count = invitations.awaitingInvitation().size();
        waiting.setText(count == 0 ? "Every customer without a password has an invitation that is still good."
                : count + (count == 1 ? " customer has" : " customers have") + " no password and no invitation that is still good.");
        inviteAll.setText(count == 1 ? "Invite 1 customer" : "Invite " + count + " customers");
        inviteAll.setEnabled(count > 0);
    }

    private void confirm() {
        List<Long> awaiting = invitations.awaitingInvitation();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("invitations-confirm");
        dialog.setHeader("Send " + awaiting.size() + (awaiting.size() == 1 ? " invitation?" : " invitations?"));
        dialog.setText("Each of these customers gets an email with a link to activate their account.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Send");
        dialog.addConfirmListener(confirmed -> {
            int sent = invitations.inviteAll(awaiting);
            result.setText(sent == 1 ? "Sent 1 invitation." : "Sent " + sent + " invitations.");
            refresh();
        });
        dialog.open();
    }
}
