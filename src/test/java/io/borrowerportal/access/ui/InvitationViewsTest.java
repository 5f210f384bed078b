package io.borrowerportal.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.access.AccessFixtures;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.access.Invitations;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff side: the access section on a customer's page and the bulk invitation page. */
class InvitationViewsTest extends ViewTest {

    @Autowired
    Invitations invitations;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;

    @Test
    @WithUserDetails("staff@example.com")
    void staff_invite_a_customer_from_their_page_and_see_when_the_link_expires() {
        AccessFixtures.Borrower ada = AccessFixtures.invited(customers, servicing, "section");
        navigate("staff/customers/" + ada.id(), com.vaadin.flow.component.Component.class);
        assertThat($(Paragraph.class).id("access-state").getText()).isEqualTo("Never invited");
        Button invite = $(Button.class).id("access-invite");
        assertThat(invite.getText()).isEqualTo("Send invitation");

        test(invite).click();

        assertThat($(Paragraph.class).id("access-state").getText()).startsWith("Invited ").contains(", link expires ");
        assertThat($(Button.class).id("access-invite").getText()).isEqualTo("Send a new invitation");
        assertThat(AccessFixtures.awaitMail(ada.email(), "Activate your account")).contains(AccessNavigation.SET_FIRST_PASSWORD);
    }

    @Test
    @WithUserDetails("staff@example.com")
    void an_active_customer_shows_active_and_no_invitation_button() {
        navigate("staff/customers/" + customerId("jane.borrower@example.com"), com.vaadin.flow.component.Component.class);
        assertThat($(Paragraph.class).id("access-state").getText()).isEqualTo("Active");
        assertThat($(Button.class).withId("access-invite").exists()).isFalse();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void the_bulk_page_says_how_many_asks_to_confirm_and_reports_how_many_were_sent() {
        AccessFixtures.Borrower first = AccessFixtures.invited(customers, servicing, "bulk-view");
        AccessFixtures.Borrower second = AccessFixtures.invited(customers, servicing, "bulk-view");
        navigate(InvitationsView.class);
        int waiting = invitations.awaitingInvitation().size();
        assertThat(waiting).isGreaterThanOrEqualTo(2);
        assertThat($(Paragraph.class).id("invitations-waiting").getText()).startsWith(waiting + " customers have no password");

        test($(Button.class).id("invitations-send")).click();
        ConfirmDialog dialog = $(ConfirmDialog.class).id("invitations-confirm");
        assertThat(test(dialog).getHeader()).isEqualTo("Send " + waiting + " invitations?");
        test(dialog).confirm();

        assertThat($(Paragraph.class).id("invitations-result").getText()).isEqualTo("Sent " + waiting + " invitations.");
        assertThat(invitations.awaitingInvitation()).doesNotContain(first.id(), second.id());
        assertThat($(Button.class).id("invitations-send").isEnabled()).isFalse();
    }

    private long customerId(String email) {
        return customers.idOf(email).orElseThrow();
    }
}
