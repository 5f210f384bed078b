package io.borrowerportal.account.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionsViewTest extends ViewTest {

    @Autowired
    SettingsService settings;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void history_progress_chart_forecast_and_downloads_are_shown() {
        navigate("accounts/AUTO-100482/transactions", TransactionsView.class);

        Grid<?> history = $(Grid.class).id("history");
        assertThat(test(history).size()).isGreaterThan(15);
        assertThat(test(history).getHeaderCell(0)).isEqualTo("Date");
        assertThat(test(history).getCellText(0, 1)).isEqualTo("Payment");
        // The forecast's grid is built when the borrower asks for it (decision 039); its outline is there at once.
        assertThat($(Grid.class).withId("forecast").exists()).isFalse();
        assertThat($(Paragraph.class).id("forecast-outline").getText())
                .matches("\\d+ payments to payoff: the next \\$[\\d,]+\\.\\d\\d on .+, the last \\$[\\d,]+\\.\\d\\d on .+\\.");
        test($(Button.class).id("show-forecast")).click();
        assertThat($(Button.class).withId("show-forecast").exists()).as("the button gives way to the grid").isFalse();
        Grid<?> forecast = $(Grid.class).id("forecast");
        assertThat(test(forecast).size()).isGreaterThan(30);
        assertThat(test(forecast).getCellText(test(forecast).size() - 1, 4)).isEqualTo("$0.00");

        assertThat($(Div.class).id("progress").getElement().getTextRecursively())
                .contains("You have repaid", "Payments made", "Payments remaining", "Projected payoff");
        assertThat($(Html.class).first().getInnerHtml()).contains("<svg");
        assertThat($(Anchor.class).id("download-pdf").getText()).isEqualTo("Download PDF");
        assertThat($(Anchor.class).id("download-history-csv").getText()).isEqualTo("Download CSV");
        assertThat($(Anchor.class).id("download-forecast-csv").getHref()).isNotBlank();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_reversed_payment_is_marked_in_the_history() {
        navigate("accounts/AUTO-100482/transactions", TransactionsView.class);
        Grid<?> history = $(Grid.class).id("history");
        boolean anyReversed = false;
        for (int row = 0; row < test(history).size(); row++) {
            anyReversed |= "Reversed".equals(test(history).getCellText(row, 7));
        }
        assertThat(anyReversed).isTrue();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void when_the_lender_switches_transactions_off_the_tab_is_gone_and_the_route_refuses() {
        WebsiteSettings before = settings.current();
        asAdmin(() -> settings.update(new WebsiteSettings(before.lenderName(), before.supportPhone(), before.supportEmail(),
                before.primaryColor(), before.cutoffTime(), before.summaryFields(), false, before.showForecast(),
                before.showBalanceChart(), before.allowTransactionDownload(), before.documentsEnabled(),
                before.insuranceEnabled(), before.insuranceWarnDays())));
        try {
            navigate("accounts/AUTO-100482/summary", SummaryView.class);
            assertThat($(Anchor.class).withId("tab-transactions").exists()).isFalse();
            navigate("accounts/AUTO-100482/transactions", NotFoundView.class);
            assertThat($(H1.class).first().getText()).isEqualTo("We couldn't find that page");
        } finally {
            asAdmin(() -> settings.update(before));
        }
    }
}
