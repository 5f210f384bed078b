package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.StaffInvitations;
import io.borrowerportal.base.ui.CardFacts;
import io.borrowerportal.base.ui.PageMessage;
import io.borrowerportal.base.ui.StaffLayout;
import io.borrowerportal.common.Dates;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffChangeRefusedException;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.StaffMember;
import io.borrowerportal.security.StaffStatus;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code /staff/users}, admins only (decision 027): the staff and admin users with role, status, second factor and
 * last sign-in; invite someone; make a staff member an admin or an admin a staff member; deactivate and reactivate.
 * The rules (the last active admin stays, nobody deactivates themselves) are the service's; this page shows its
 * refusals. No password or hash ever reaches it.
 */
@Route(value = AccessNavigation.STAFF_USERS, layout = StaffLayout.class)
@Menu(title = "Users", order = 70)
@PageTitle("Users")
@RolesAllowed(Role.ADMIN)
class StaffUsersView extends Div {

    private final StaffDirectory directory;
    private final StaffInvitations invitations;
    private final Clock clock;
    private final long me;
    private final PageMessage message = new PageMessage("staff-users-message");
    private final Div list = new Div();

    StaffUsersView(StaffDirectory directory, StaffInvitations invitations, CurrentUser currentUser, Clock clock) {
        this.directory = directory;
        this.invitations = invitations;
        this.clock = clock;
        this.me = currentUser.actor().map(PortalUser::id).orElse(-1L);
        addClassName("staff-users");
        list.setId("staff-users");
        list.addClassName("staff-user-list");
        StaffInviteForm form = new StaffInviteForm(invitations, invited -> {
            message.show(false, "Invitation sent to " + invited.email() + ". The link works for 7 days.");
            refresh();
        });
        H2 people = new H2("People");
        add(new H1("Users"), new Paragraph("Staff and admins who sign in to the staff console. Admins also manage"
                        + " settings, users and second factors. A new role or a deactivation signs the person out"
                        + " everywhere at once."),
                message, form, people, list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<StaffMember> members = directory.members();
        long activeAdmins = members.stream().filter(m -> m.admin() && m.status() == StaffStatus.ACTIVE).count();
        members.forEach(member -> list.add(card(member, activeAdmins)));
    }

    private Component card(StaffMember member, long activeAdmins) {
        Div card = new Div();
        card.addClassName("staff-user");
        card.setId("staff-user-" + member.id());

        Div who = new Div();
        who.addClassName("staff-user-who");
        Span name = new Span(member.name() + (member.id() == me ? " (you)" : ""));
        name.addClassName("staff-user-name");
        Span email = new Span(member.email());
        email.addClassName("staff-user-email");
        who.add(name, email);

        Div facts = new Div();
        facts.addClassName("staff-user-facts");
        facts.add(CardFacts.badge(member.admin() ? "Admin" : "Staff", member.admin() ? "badge-admin" : "badge-staff", "role-" + member.id()),
                CardFacts.badge(member.status().label(), "badge-" + member.status().name().toLowerCase(Locale.ROOT), "status-" + member.id()),
                CardFacts.fact("Second factor", member.secondFactorEnrolled() ? "Yes" : "No", "factor-" + member.id()),
                CardFacts.fact("Last sign-in", when(member.lastSignedInAt()), "last-sign-in-" + member.id()));
        if (member.status() == StaffStatus.INVITED && member.invitedAt() != null) {
            facts.add(CardFacts.fact("Invited", when(member.invitedAt()), "invited-" + member.id()));
        }

        Div actions = new Div();
        actions.addClassName("staff-user-actions");
        String otherRole = member.admin() ? Role.STAFF : Role.ADMIN;
        Button role = button(member.admin() ? "Make staff" : "Make admin", "change-role-" + member.id(),
                () -> confirm((member.admin() ? "Make " + member.name() + " staff?" : "Make " + member.name() + " an admin?"),
                        member.name() + " is signed out everywhere and signs in again as "
                                + StaffDirectory.roleName(otherRole) + (member.admin()
                                ? ", without settings, users or second factors." : ", with settings, users and second factors."),
                        "Change role", () -> directory.changeRole(member.id(), otherRole),
                        "Role of " + member.email() + " changed to " + StaffDirectory.roleName(otherRole) + "."));
        if (member.admin() && member.status() == StaffStatus.ACTIVE && activeAdmins <= 1) {
            // The service refuses it too (under a lock); the page says so before anyone tries.
            role.setEnabled(false);
            role.setTooltipText("The last active admin stays an admin: make someone else an admin first.");
        }
        actions.add(role);
        if (member.status() == StaffStatus.INVITED) {
            actions.add(button("Send invitation again", "resend-" + member.id(), () -> act(() -> invitations.resend(member.id()),
                    "A new invitation went to " + member.email() + "; the earlier link no longer works.")));
        }
        if (member.status() == StaffStatus.DEACTIVATED) {
            actions.add(button("Reactivate", "reactivate-" + member.id(), () -> act(() -> directory.reactivate(member.id()),
                    member.email() + " is active again.")));
        } else if (member.id() != me) {
            Button deactivate = button("Deactivate", "deactivate-" + member.id(),
                    () -> confirm("Deactivate " + member.name() + "?", member.name() + " can no longer sign in and is"
                                    + " signed out everywhere now. You can reactivate them later.", "Deactivate",
                            () -> directory.deactivate(member.id()), member.email() + " is deactivated."));
            deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(deactivate);
        }
        card.add(who, facts, actions);
        return card;
    }

    private static Button button(String text, String id, Runnable onClick) {
        Button button = new Button(text, click -> onClick.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void confirm(String header, String text, String confirmText, Supplier<?> change, String done) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("staff-user-confirm");
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmText);
        dialog.addConfirmListener(confirmed -> act(change, done));
        dialog.open();
    }

    private void act(Supplier<?> change, String done) {
        try {
            change.get();
            message.show(false, done);
        } catch (StaffChangeRefusedException refused) {
            message.show(true, refused.getMessage());
        }
        refresh();
    }

    private String when(Instant at) {
        return at == null ? "never" : Dates.STAMP.format(at.atZone(clock.getZone()));
    }
}
