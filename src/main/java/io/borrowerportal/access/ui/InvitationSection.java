package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import io.borrowerportal.access.InvitationStatus;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.base.ui.Formats;
import io.borrowerportal.base.ui.StaffCustomerSection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * "Website access" on a customer's staff page: whether they activated, when their last activation link went out
 * and when it expires, and a button that sends a new one. The service refuses during a staff preview.
 */
@org.springframework.stereotype.Component
class InvitationSection implements StaffCustomerSection {

    private final Invitations invitations;
    private final Clock clock;

    InvitationSection(Invitations invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component render(long customerId) {
        Div section = new Div();
        section.setId("access-section");
        fill(section, invitations.status(customerId));
        return section;
    }

    private void fill(Div section, InvitationStatus status) {
        section.removeAll();
        Paragraph state = new Paragraph(describe(status));
        state.setId("access-state");
        section.add(new H2("Website access"), state);
        if (status.canInvite()) {
            Button invite = new Button(status.neverInvited() ? "Send invitation" : "Send a new invitation", click -> {
                InvitationStatus sent = invitations.invite(status.customerId());
                fill(section, sent);
                Notification.show("Invitation sent. The link works until " + date(sent.linkExpiresAt()) + ".");
            });
            invite.setId("access-invite");
            section.add(invite);
        }
    }

    private String describe(InvitationStatus status) {
        return switch (status.status()) {
            case ACTIVE -> "Active";
            case LOCKED -> "Locked";
            case INVITED -> status.neverInvited() ? "Never invited"
                    : "Invited " + date(status.invitedAt()) + ", link "
                    + (status.linkExpiresAt().isAfter(clock.instant()) ? "expires " : "expired ") + date(status.linkExpiresAt());
        };
    }

    private String date(Instant instant) {
        return Formats.date(LocalDate.ofInstant(instant, clock.getZone()));
    }
}
