package io.borrowerportal.account.ui;

import com.vaadin.flow.component.grid.Grid;
import io.borrowerportal.StatementCount;
import io.borrowerportal.TenYearBorrower;
import io.borrowerportal.ViewTest;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts the SQL statements that rendering an account page issues, for a long and a short history. */
class AccountPagesSqlTest extends ViewTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    /** The statements of a render: the fewest of three, as {@link StatementCount} explains. */
    private long statementsToRender(String route, Class<? extends com.vaadin.flow.component.Component> view) {
        return StatementCount.fewestOfThree(entityManagerFactory, () -> navigate(route, view));
    }

    @Test
    @WithUserDetails(TenYearBorrower.EMAIL)
    void each_account_page_issues_at_most_five_statements_whatever_the_history_length() {
        long longSummary = statementsToRender("accounts/" + TenYearBorrower.LONG_LOAN + "/summary", SummaryView.class);
        long longTransactions = statementsToRender("accounts/" + TenYearBorrower.LONG_LOAN + "/transactions", TransactionsView.class);
        assertThat(test($(Grid.class).id("history")).size()).isEqualTo(121);
        long shortTransactions = statementsToRender("accounts/" + TenYearBorrower.SHORT_LOAN + "/transactions", TransactionsView.class);
        assertThat(test($(Grid.class).id("history")).size()).isEqualTo(2);
        long accounts = statementsToRender("accounts", AccountsView.class);

        System.out.printf("[sql] statements to render: summary %d, transactions %d (121 rows) / %d (2 rows), accounts %d%n",
                longSummary, longTransactions, shortTransactions, accounts);
        assertThat(longSummary).isBetween(1L, 5L);
        assertThat(longTransactions).isBetween(1L, 5L).isEqualTo(shortTransactions);
        assertThat(accounts).isBetween(1L, 5L);
    }
}
