package io.borrowerportal.account.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/** A loan whose balance is under review shows its customers the notice instead of the balance (decision 032). */
class BalanceUnderReviewViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    BalanceReviews reviews;
    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void release() {
        SystemTask.call(() -> reviews.release(accountId()));
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_loan_under_review_shows_the_notice_instead_of_its_balance_figures() {
        assertThat(SystemTask.call(() -> reviews.hold(accountId()))).isTrue();

        navigate("accounts/" + LOAN + "/summary", SummaryView.class);
        assertThat($(Div.class).id("balance-review-notice").getElement().getTextRecursively()).isEqualTo(
                "Your balance is being updated. Please check back later or call " + settings.current().supportPhone() + ".");
        String fields = $(Div.class).id("summary-fields").getElement().getTextRecursively();
        assertThat(fields).contains("Interest rate", "Original amount")
                .doesNotContain("Principal balance", "Payoff amount", "Amount due", "Payments remaining");
        assertThat($(Anchor.class).withId("summary-payoff-quote").exists()).as("no payoff quote").isFalse();

        navigate("accounts", AccountsView.class);
        assertThat($(Div.class).id("balance-review-" + LOAN).getElement().getTextRecursively())
                .startsWith("Your balance is being updated.");
        String card = $(Div.class).id("accounts").getElement().getTextRecursively();
        assertThat(card).contains("Loan AUTO-100482", "Current balance");

        navigate("accounts/" + LOAN + "/transactions", TransactionsView.class);
        assertThat($(Div.class).withId("balance-review-notice").exists()).isTrue();
        assertThat($(Div.class).withId("progress").exists()).as("progress to payoff is projected from the balance")
                .isFalse();
        assertThat($(Grid.class).withId("history").exists()).as("the history stays, as posted").isTrue();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_loan_not_under_review_shows_its_figures_and_no_notice() {
        navigate("accounts/" + LOAN + "/summary", SummaryView.class);
        assertThat($(Div.class).withId("balance-review-notice").exists()).isFalse();
        assertThat($(Div.class).id("summary-fields").getElement().getTextRecursively())
                .contains("Principal balance", "Payoff amount", "Amount due");

        navigate("accounts", AccountsView.class);
        assertThat($(Div.class).withId("balance-review-" + LOAN).exists()).isFalse();

        navigate("accounts/" + LOAN + "/transactions", TransactionsView.class);
        assertThat($(Div.class).withId("balance-review-notice").exists()).isFalse();
        assertThat($(Div.class).withId("progress").exists()).isTrue();
    }

    private long accountId() {
        return jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class, LOAN);
    }
}
