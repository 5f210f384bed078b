package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** The web access switches on a customer's staff page, each asking for a reason (decision 025). */
class WebAccessSectionTest extends ViewTest {

    @Autowired
    CustomerService customers;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreDemoData() {
        jdbc.sql("UPDATE loan_accounts SET web_access = TRUE, web_access_reason = NULL, web_access_changed_at = NULL, "
                + "web_access_changed_by = NULL WHERE loan_number IN ('AUTO-100482', 'PL-200731')").update();
        jdbc.sql("UPDATE customers SET web_access = TRUE, web_access_reason = NULL, web_access_changed_at = NULL, "
                + "web_access_changed_by = NULL").update();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_switch_a_loan_off_only_with_a_reason_and_see_who_did_it_and_why() {
        open();
        assertThat($(Span.class).id("web-access-customer-state").getText()).isEqualTo("On");
        assertThat($(Span.class).id("web-access-AUTO-100482-state").getText()).isEqualTo("On");
        assertThat($(Span.class).id("web-access-PL-200731-state").getText()).isEqualTo("On");

        test($(Button.class).id("web-access-AUTO-100482-switch")).click();
        test($(Button.class).id("web-access-confirm")).click();
        TextArea reason = $(TextArea.class).id("web-access-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("Give the reason for the change.");
        assertThat(loanOn("AUTO-100482")).isTrue();

        reason.setValue("Dispute under review");
        test($(Button.class).id("web-access-confirm")).click();

        assertThat(loanOn("AUTO-100482")).isFalse();
        assertThat($(Span.class).id("web-access-AUTO-100482-state").getText()).isEqualTo("Off");
        assertThat($(Paragraph.class).id("web-access-AUTO-100482-last").getText())
                .startsWith("Switched off ").endsWith(" by staff@example.com: Dispute under review");
        assertThat($(Button.class).id("web-access-AUTO-100482-switch").getText()).isEqualTo("Switch on");
        assertThat($(Span.class).id("web-access-PL-200731-state").getText()).isEqualTo("On");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void an_admin_switches_the_customer_off_altogether_and_cancelling_changes_nothing() {
        open();
        test($(Button.class).id("web-access-customer-switch")).click();
        test($(Button.class).id("web-access-cancel")).click();
        assertThat(customerOn()).isTrue();

        test($(Button.class).id("web-access-customer-switch")).click();
        $(TextArea.class).id("web-access-reason").setValue("Fraud review");
        test($(Button.class).id("web-access-confirm")).click();

        assertThat(customerOn()).isFalse();
        assertThat($(Span.class).id("web-access-customer-state").getText()).isEqualTo("Off");
        assertThat($(Div.class).id("web-access").getElement().getTextRecursively())
                .contains("none of the loans below is shown to them");
    }

    private void open() {
        long jane = SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
        navigate("staff/customers/" + jane, StaffCustomerView.class);
    }

    private boolean loanOn(String loanNumber) {
        return jdbc.sql("SELECT web_access FROM loan_accounts WHERE loan_number = :n").param("n", loanNumber)
                .query(Boolean.class).single();
    }

    private boolean customerOn() {
        return jdbc.sql("SELECT web_access FROM customers WHERE email = 'jane.borrower@example.com'")
                .query(Boolean.class).single();
    }
}
