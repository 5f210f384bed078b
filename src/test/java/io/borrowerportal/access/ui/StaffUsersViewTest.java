package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /staff/users} for admins: the list, the invitation form, role changes and deactivation with their refusals. */
class StaffUsersViewTest extends ViewTest {

    @Autowired
    StaffDirectory directory;
    @Autowired
    JdbcClient jdbc;

    @Test
    @WithUserDetails("admin@example.com")
    void an_admin_sees_each_staff_user_with_role_status_second_factor_and_last_sign_in() {
        navigate(StaffUsersView.class);
        long staff = idOf("staff@example.com");
        long admin = idOf("admin@example.com");
        Div card = $(Div.class).id("staff-user-" + staff);
        assertThat(card.getElement().getTextRecursively()).contains("Sofia Staff", "staff@example.com");
        assertThat(text("role-" + staff)).isEqualTo("Staff");
        assertThat(text("status-" + staff)).isEqualTo("Active");
        assertThat(text("factor-" + staff)).isEqualTo("Second factor: Yes");
        assertThat(text("last-sign-in-" + staff)).startsWith("Last sign-in: ");
        assertThat(text("role-" + admin)).isEqualTo("Admin");
        assertThat($(Div.class).id("staff-user-" + admin).getElement().getTextRecursively()).contains("(you)");
        assertThat($(Button.class).withId("deactivate-" + admin).exists()).as("no deactivating oneself").isFalse();
        assertThat($(Button.class).id("change-role-" + staff).getText()).isEqualTo("Make admin");
        String hash = jdbc.sql("select password_hash from staff_users where id = :id").param("id", staff).query(String.class).single();
        assertThat($(Div.class).id("staff-users").getElement().getOuterHTML()).doesNotContain(hash);
    }

    @Test
    @WithUserDetails("admin@example.com")
    void an_invitation_adds_an_invited_person_and_a_bad_email_is_refused_beside_its_field() {
        navigate(StaffUsersView.class);
        test($(TextField.class).id("invite-name")).setValue("Nia New");
        test($(EmailField.class).id("invite-email")).setValue("not-an-email");
        test($(Button.class).id("invite-send")).click();
        EmailField email = $(EmailField.class).id("invite-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("name@example.com");
        assertThat(jdbc.sql("select count(*) from staff_users where display_name = 'Nia New'").query(Integer.class).single()).isZero();

        String address = "nia-" + System.nanoTime() + "@staff.example.com";
        test(email).setValue(address);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> role = $(RadioButtonGroup.class).id("invite-role");
        test(role).selectItem("Admin: also settings, users and second factors");
        test($(Button.class).id("invite-send")).click();

        assertThat(email.isInvalid()).isFalse();
        assertThat(text("staff-users-message")).isEqualTo("Invitation sent to " + address + ". The link works for 7 days.");
        long nia = idOf(address);
        assertThat(text("status-" + nia)).isEqualTo("Invited");
        assertThat(text("role-" + nia)).isEqualTo("Admin");
        assertThat(text("factor-" + nia)).isEqualTo("Second factor: No");
        assertThat(text("last-sign-in-" + nia)).isEqualTo("Last sign-in: never");
        assertThat($(Button.class).id("resend-" + nia).isVisible()).isTrue();

        // The same address again: the service refuses it beside the email field.
        test($(TextField.class).id("invite-name")).setValue("Nia Again");
        test($(EmailField.class).id("invite-email")).setValue(address);
        test($(Button.class).id("invite-send")).click();
        assertThat($(EmailField.class).id("invite-email").getErrorMessage()).contains("already exists");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void making_someone_an_admin_and_deactivating_them_asks_first_and_then_shows_the_result() {
        long id = SystemTask.call(() -> directory.create("promote-" + System.nanoTime() + "@staff.example.com", "Pat Promote",
                Role.STAFF, "steady lantern over the river"));
        navigate(StaffUsersView.class);

        test($(Button.class).id("change-role-" + id)).click();
        ConfirmDialog dialog = $(ConfirmDialog.class).id("staff-user-confirm");
        assertThat(dialog.getElement().getProperty("header")).isEqualTo("Make Pat Promote an admin?");
        test(dialog).confirm();
        assertThat(text("role-" + id)).isEqualTo("Admin");
        assertThat(text("staff-users-message")).contains("changed to admin");

        test($(Button.class).id("deactivate-" + id)).click();
        test($(ConfirmDialog.class).id("staff-user-confirm")).confirm();
        assertThat(text("status-" + id)).isEqualTo("Deactivated");
        assertThat($(Button.class).id("reactivate-" + id).isVisible()).isTrue();

        test($(Button.class).id("reactivate-" + id)).click();
        assertThat(text("status-" + id)).isEqualTo("Active");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void the_last_active_admin_cannot_step_down_and_a_race_to_it_is_refused_with_the_reason() {
        long admin = idOf("admin@example.com");
        long staff = idOf("staff@example.com");
        java.util.List<Long> others = jdbc.sql("select id from staff_users where role = 'ADMIN' and active = true and id <> :me")
                .param("me", admin).query(Long.class).list();
        try {
            // Two active admins when the page opens: either may step down.
            jdbc.sql("update staff_users set role = 'ADMIN' where id = :id").param("id", staff).update();
            navigate(StaffUsersView.class);
            assertThat($(Button.class).id("change-role-" + admin).isEnabled()).isTrue();

            // Meanwhile the other admins are gone: the service refuses, and says why.
            jdbc.sql("update staff_users set role = 'STAFF' where id = :id").param("id", staff).update();
            others.forEach(id -> jdbc.sql("update staff_users set active = false where id = :id").param("id", id).update());
            test($(Button.class).id("change-role-" + admin)).click();
            test($(ConfirmDialog.class).id("staff-user-confirm")).confirm();
            Div message = $(Div.class).id("staff-users-message");
            assertThat(message.getText()).isEqualTo("This is the last active admin: make someone else an admin first.");
            assertThat(message.getElement().getAttribute("role")).isEqualTo("alert");
            assertThat(text("role-" + admin)).isEqualTo("Admin");

            // Opened again, the page offers no step down to the last active admin.
            navigate(StaffUsersView.class);
            Button stepDown = $(Button.class).id("change-role-" + admin);
            assertThat(stepDown.isEnabled()).isFalse();
            assertThat(stepDown.getTooltip().getText()).contains("last active admin");
        } finally {
            jdbc.sql("update staff_users set role = 'STAFF' where id = :id").param("id", staff).update();
            others.forEach(id -> jdbc.sql("update staff_users set active = true where id = :id").param("id", id).update());
        }
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_who_are_not_admins_cannot_open_the_page() {
        navigate("staff/users", NotFoundView.class);
        assertThat($(Div.class).withId("staff-users").exists()).isFalse();
    }

    private String text(String id) {
        Component component = $(Component.class).id(id);
        return component instanceof Span span ? span.getText() : component.getElement().getTextRecursively();
    }

    private long idOf(String email) {
        return jdbc.sql("select id from staff_users where email = :email").param("email", email).query(Long.class).single();
    }
}
