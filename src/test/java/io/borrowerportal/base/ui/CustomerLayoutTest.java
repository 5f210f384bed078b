package io.borrowerportal.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.AccountsLayout;
import io.borrowerportal.customer.CustomerService;
import org.springframework.security.access.AccessDeniedException;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerLayoutTest extends ViewTest {

    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    CurrentUser currentUser;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_sees_no_preview_banner_and_can_log_out() {
        navigate("accounts", com.vaadin.flow.component.Component.class);
        assertThat($(Div.class).withId("preview-banner").exists()).isFalse();
        assertThat($(Button.class).id("logout").getText()).isEqualTo("Log out");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void during_a_preview_the_banner_names_the_customer_and_changes_are_refused() {
        previews.start(SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow()), context -> { });
        navigate("accounts", com.vaadin.flow.component.Component.class);

        assertThat($(Div.class).id("preview-banner").getElement().getTextRecursively())
                .contains("Previewing as Jane Borrower, read-only.", "Exit preview");
        assertThat($(Button.class).withId("logout").exists()).isFalse();
        assertThat($(H1.class).first().getText()).isEqualTo("My accounts");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> layout = $(RadioButtonGroup.class).id("accounts-layout");
        String other = "List".equals(layout.getItemLabelGenerator().apply(layout.getValue())) ? "Cards" : "List";
        AccountsLayout before = customers.accountsLayout();
        // In the browser the session error handler turns this refusal into the read-only notice (journey test).
        assertThatThrownBy(() -> test(layout).selectItem(other)).hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThat(customers.accountsLayout()).isEqualTo(before);

        test($(Button.class).id("exit-preview")).click();
        assertThat(currentUser.previewing()).isFalse();
        assertThat(currentUser.actor().orElseThrow().email()).isEqualTo("staff@example.com");
    }
}
