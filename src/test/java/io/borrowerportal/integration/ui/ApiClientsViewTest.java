package io.borrowerportal.integration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.integration.ApiScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /staff/api-clients}: issue a key (shown once), list it without the key, revoke it; admins only. */
class ApiClientsViewTest extends ViewTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithUserDetails("admin@example.com")
    void issuing_shows_the_key_once_in_a_dialog_and_the_list_never_shows_it() {
        navigate(ApiClientsView.class);
        String name = "Fineract " + Long.toString(System.nanoTime(), 36);
        test($(TextField.class).id("issue-name")).setValue(name);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ApiScope> scope = $(RadioButtonGroup.class).id("issue-scope");
        scope.setValue(ApiScope.WRITE);
        test($(Button.class).id("issue-send")).click();

        Dialog dialog = $(Dialog.class).id("api-key-dialog");
        String key = $(TextField.class).id("api-key").getValue();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(key).startsWith("bpk_").hasSize(64);
        assertThat($(Button.class).id("api-key-copy").isEnabled()).isTrue();
        long id = jdbc.sql("select id from api_clients where name = :name").param("name", name).query(Long.class).single();
        assertThat($(Span.class).id("scope-" + id).getText()).isEqualTo("Read and write");
        assertThat($(Span.class).id("status-" + id).getText()).isEqualTo("Active");
        assertThat($(Span.class).id("last-used-" + id).getText()).isEqualTo("Last used: never");
        assertThat($(Span.class).id("issued-" + id).getText()).startsWith("Issued: admin@example.com, ");

        test($(Button.class).id("api-key-done")).click();
        assertThat($(Dialog.class).withId("api-key-dialog").exists()).isFalse();
        // The secret follows the public id's underscore; it may hold underscores of its own (Base64url).
        String secret = key.substring(key.indexOf('_', "bpk_".length()) + 1);
        assertThat(getCurrentView().getElement().getOuterHTML()).doesNotContain(key).doesNotContain(secret);
        navigate(ApiClientsView.class);
        assertThat(getCurrentView().getElement().getOuterHTML()).doesNotContain(secret);
    }

    @Test
    @WithUserDetails("admin@example.com")
    void revoking_asks_first_and_then_the_client_shows_as_revoked() {
        navigate(ApiClientsView.class);
        String name = "Nortridge " + Long.toString(System.nanoTime(), 36);
        test($(TextField.class).id("issue-name")).setValue(name);
        test($(Button.class).id("issue-send")).click();
        test($(Button.class).id("api-key-done")).click();
        long id = jdbc.sql("select id from api_clients where name = :name").param("name", name).query(Long.class).single();

        test($(Button.class).id("revoke-" + id)).click();
        test($(ConfirmDialog.class).id("api-client-confirm")).confirm();

        assertThat($(Span.class).id("status-" + id).getText()).isEqualTo("Revoked");
        assertThat($(Span.class).id("revoked-" + id).getText()).startsWith("Revoked: admin@example.com, ");
        assertThat($(Button.class).withId("revoke-" + id).exists()).isFalse();
        assertThat($(Div.class).id("api-clients-message").getText()).contains("is revoked");
        assertThat(jdbc.sql("select revoked_at is not null from api_clients where id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void a_blank_name_is_refused_beside_its_field_and_nothing_is_issued() {
        navigate(ApiClientsView.class);
        long before = jdbc.sql("select count(*) from api_clients").query(Long.class).single();

        test($(Button.class).id("issue-send")).click();

        assertThat($(TextField.class).id("issue-name").isInvalid()).isTrue();
        assertThat($(Dialog.class).withId("api-key-dialog").exists()).isFalse();
        assertThat(jdbc.sql("select count(*) from api_clients").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_who_are_not_admins_cannot_open_the_page() {
        navigate("staff/api-clients", NotFoundView.class);
        assertThat($(Div.class).withId("api-clients").exists()).isFalse();
    }
}
