package io.borrowerportal.account.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.base.ui.StatusBadge;
import io.borrowerportal.common.Money;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A loan whose balance is under review shows its customers the notice instead of the balance (decision 032). */
class BalanceUnderReviewViewTest extends ViewTest {

    private static final String LOAN = "PL-200731";

    @Autowired
    BalanceReviews reviews;
    @Autowired
    SettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accounts;

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
        assertThat(headers($(Grid.class).id("history"))).as("the running balance ends at the balance in question")
                .contains("Amount", "Principal").doesNotContain("Balance after");
        assertThat($(Anchor.class).withId("download-forecast-csv").exists()).as("no forecast").isFalse();
        assertThat($(Anchor.class).withId("download-history-csv").exists()).isTrue();
        assertThat($(Anchor.class).withId("download-pdf").exists()).isTrue();
        assertThat(badges()).as("no Current / Past due badge judging the balance").isZero();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_downloads_of_a_loan_under_review_leave_out_the_balance_and_the_forecast() throws IOException {
        String csvBefore = new String(accounts.historyCsv(LOAN), StandardCharsets.UTF_8);
        assertThat(csvBefore.lines().skip(1)).allSatisfy(line -> assertThat(balanceAfter(line)).isNotEmpty());
        assertThat(pdfText(accounts.transactionsPdf(LOAN))).contains("Principal balance", "Payoff amount");
        SystemTask.call(() -> reviews.hold(accountId()));

        String csv = new String(accounts.historyCsv(LOAN), StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).as("every entry still listed").isEqualTo(csvBefore.lines().count());
        assertThat(csv.lines().skip(1)).allSatisfy(line ->
                assertThat(balanceAfter(line)).as("principal balance after: " + line).isEmpty());
        String balanceNow = Money.format(new java.math.BigDecimal(balanceAfter(csvBefore.lines().reduce((a, b) -> b)
                .orElseThrow())));
        String pdf = pdfText(accounts.transactionsPdf(LOAN));
        assertThat(pdf.replaceAll("\\s+", " ")).contains("Transaction history", "Your balance is being updated.")
                .doesNotContain("Payoff amount", "Principal balance", balanceNow);
        assertThatThrownBy(() -> accounts.forecastCsv(LOAN)).isInstanceOf(AccessDeniedException.class);
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
        assertThat(headers($(Grid.class).id("history"))).contains("Balance after");
        assertThat($(Anchor.class).withId("download-forecast-csv").exists()).isTrue();
        assertThat(badges()).isPositive();
    }

    /** The "Principal balance after" cell: the last but one (a description before it may hold commas). */
    private static String balanceAfter(String csvLine) {
        String[] cells = csvLine.split(",", -1);
        return cells[cells.length - 2];
    }

    private static List<String> headers(Grid<?> grid) {
        return grid.getColumns().stream().map(c -> c.getHeaderText()).toList();
    }

    private int badges() {
        return $(StatusBadge.class).all().size();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private long accountId() {
        return jdbc.queryForObject("select id from loan_accounts where loan_number = ?", Long.class, LOAN);
    }
}
