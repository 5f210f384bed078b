package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditEntry;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.staff.CustomerMatch;
import io.borrowerportal.staff.CustomerSearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogViewTest extends ViewTest {

    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CustomerSearch customerSearch;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String someone = "view-" + tag + "@example.com";
    private final String loanNumber = "V" + tag.toUpperCase();
    private long paymentId;
    private long staffFactorId;

    @BeforeEach
    void entries() {
        audit.record(someone, "STAFF", 5L, "c5@example.com", loanNumber, AuditAction.PAYMENT_SUBMITTED, "Payment of $10.00");
        paymentId = newest();
        audit.record(someone, "STAFF", 5L, "c5@example.com", null, AuditAction.PREFERENCE_CHANGED, "Layout: list");
        audit.record(someone, "STAFF", null, null, null, AuditAction.SECOND_FACTOR_RESET, "Reset a staff account's factor");
        staffFactorId = newest();
    }

    private long newest() {
        return jdbc.queryForObject("select max(id) from audit_events", Long.class);
    }

    private Grid<AuditEntry> grid() {
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).id("audit-entries");
        return grid;
    }

    private List<Long> shownIds() {
        Grid<AuditEntry> grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).id()).toList();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_filter_by_actor_action_and_loan_and_never_see_a_staff_accounts_security() {
        navigate(AuditLogView.class);
        test($(TextField.class).id("audit-actor")).setValue(someone);
        assertThat(shownIds()).as("the staff account's entry is not shown to staff").doesNotContain(staffFactorId)
                .hasSize(2).contains(paymentId);
        assertThat($(Span.class).id("audit-count").getText()).isEqualTo("2 entries");
        assertThat(test(grid()).getCellText(0, 1)).isEqualTo("Preference changed");

        test($(ComboBox.class).id("audit-action")).selectItem("Payment submitted");
        assertThat(shownIds()).containsExactly(paymentId);
        $(ComboBox.class).id("audit-action").clear();
        test($(TextField.class).id("audit-loan")).setValue(loanNumber.toLowerCase());
        assertThat(shownIds()).containsExactly(paymentId);
        assertThat(test(grid()).getCellText(0, 4)).isEqualTo(loanNumber);
    }

    @Test
    @WithUserDetails("admin@example.com")
    void admins_see_every_entry_and_the_customer_filter_takes_a_customers_number() {
        navigate(AuditLogView.class);
        test($(TextField.class).id("audit-actor")).setValue(someone);
        assertThat(shownIds()).hasSize(3).contains(staffFactorId);

        CustomerMatch jane = customerSearch.search("jane.borrower").getFirst();
        audit.record(someone, "STAFF", jane.customer().id(), jane.customer().email(), null, AuditAction.LOGIN_LOCK_LIFTED, "x");
        long janes = newest();
        @SuppressWarnings("unchecked")
        ComboBox<CustomerMatch> customer = $(ComboBox.class).id("audit-customer");
        customer.setValue(jane);
        assertThat(shownIds()).containsExactly(janes);
        customer.clear();
        assertThat(shownIds()).hasSize(4);
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_date_range_that_ends_before_it_starts_is_refused_beside_the_field() {
        navigate(AuditLogView.class);
        test($(TextField.class).id("audit-actor")).setValue(someone);
        test($(DatePicker.class).id("audit-from")).setValue(LocalDate.parse("2026-12-10"));
        assertThat(shownIds()).hasSize(2);
        DatePicker to = $(DatePicker.class).id("audit-to");
        test(to).setValue(LocalDate.parse("2026-12-09"));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("on or before");
        assertThat(shownIds()).as("the last good filters stay").hasSize(2);
        test(to).setValue(LocalDate.parse("2026-12-10"));
        assertThat(to.isInvalid()).isFalse();
        assertThat(shownIds()).hasSize(2);
        test(to).setValue(null);
        test($(DatePicker.class).id("audit-from")).setValue(LocalDate.parse("2026-12-11"));
        assertThat(shownIds()).as("nothing recorded after today").isEmpty();
        assertThat($(Span.class).id("audit-count").getText()).isEqualTo("No entries match.");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void details_show_every_column_with_the_hashes() {
        navigate(AuditLogView.class);
        test($(TextField.class).id("audit-actor")).setValue(someone);
        test($(ComboBox.class).id("audit-action")).selectItem("Payment submitted");
        Button details = (Button) test(grid()).getCellComponent(0, 6);
        assertThat(details.getId()).hasValue("audit-details-" + paymentId);
        test(details).click();

        Dialog dialog = $(Dialog.class).id("audit-entry-dialog");
        assertThat(dialog.isOpened()).isTrue();
        String hash = jdbc.queryForObject("select hash from audit_events where id = ?", String.class, paymentId);
        String prev = jdbc.queryForObject("select prev_hash from audit_events where id = ?", String.class, paymentId);
        String fields = $(DescriptionList.class).id("audit-entry-fields").getElement().getTextRecursively();
        assertThat(fields).contains("Id" + paymentId, "Actor" + someone, "Customer id5", "Loan number" + loanNumber,
                "Payment submitted (PAYMENT_SUBMITTED)", "DetailPayment of $10.00", "Previous hash" + prev, "Hash" + hash,
                "Hash schemeHMAC-SHA256", "UTC)");
        test($(Button.class).id("audit-entry-close")).click();
        assertThat($(Dialog.class).withId("audit-entry-dialog").exists()).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void verify_chain_reports_an_intact_chain_with_its_size() {
        navigate(AuditLogView.class);
        test($(Button.class).id("audit-verify")).click();
        Paragraph result = $(Paragraph.class).id("audit-chain-result");
        assertThat(result.getText()).startsWith("The chain is intact: ").endsWith(" entries checked.");
        assertThat(result.getClassNames()).contains("chain-intact");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void on_a_phone_the_text_columns_fold_into_one() {
        AuditLogView view = navigate(AuditLogView.class);
        view.fit(390);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Entry", "");
        view.fit(1280);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Time", "Action", "Actor", "Customer", "Loan", "Detail", "");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_the_audit_log() {
        navigate("staff/audit", NotFoundView.class);
        assertThat($(Div.class).withClassName("audit-log").exists()).isFalse();
    }
}
