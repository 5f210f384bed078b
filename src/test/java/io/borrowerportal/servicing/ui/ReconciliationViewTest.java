package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.servicing.BalanceDifference;
import io.borrowerportal.servicing.LoanUpsert;
import io.borrowerportal.servicing.ServicingLoans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /staff/reconciliation}: staff run it and read the differing loans; customers cannot open it. */
class ReconciliationViewTest extends ViewTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();

    @Autowired
    ServicingLoans loans;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("staff@example.com")
    void staff_run_it_now_and_see_the_differing_loan_with_both_figures() {
        String loanNumber = "RV" + RUN;
        SystemTask.run(() -> loans.upsert(new LoanUpsert(loanNumber, "HOME", new BigDecimal("5000.00"),
                new BigDecimal("9.0000"), 12, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 15), null, null, null,
                new BigDecimal("4321.00"), LocalDate.of(2026, 12, 1))));
        ReconciliationView view = navigate(ReconciliationView.class);

        test($(Button.class).id("reconciliation-run")).click();

        assertThat($(Div.class).id("reconciliation-message").getText()).startsWith("Run finished: ");
        assertThat($(Paragraph.class).id("reconciliation-last-run").getText())
                .startsWith("Last run ").contains("by staff@example.com", "compared", "differ");
        Grid<BalanceDifference> grid = grid();
        int row = -1;
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getCellText(i, 0).equals(loanNumber)) {
                row = i;
            }
        }
        assertThat(row).as("the loan is listed").isNotNegative();
        assertThat(test(grid).getCellText(row, 2)).isEqualTo("$4,321.00");
        assertThat(test(grid).getCellText(row, 3)).isEqualTo("$5,000.00");
        assertThat(test(grid).getCellText(row, 4)).isEqualTo("-$679.00");
        assertThat(test(grid).getCellText(row, 6)).isEqualTo("None");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'RECONCILIATION_RUN' "
                + "and actor = 'staff@example.com'", Integer.class)).isPositive();

        view.fit(390);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Loan");
        view.fit(1280);
        assertThat(grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Loan", "As of", "Servicer", "Portal", "Difference", "Portal's last entry",
                        "Servicer's last entry");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_the_page() {
        navigate("staff/reconciliation", NotFoundView.class);
        assertThat($(Button.class).withId("reconciliation-run").exists()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Grid<BalanceDifference> grid() {
        return $(Grid.class).id("reconciliation-differences");
    }
}
