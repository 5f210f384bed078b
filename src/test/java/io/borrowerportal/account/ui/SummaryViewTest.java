package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.SummaryField;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryViewTest extends ViewTest {

    @Autowired
    SettingsService settings;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_summary_shows_every_field_the_lender_enabled() {
        navigate("accounts/AUTO-100482/summary", SummaryView.class);
        String text = $(Div.class).id("summary-fields").getElement().getTextRecursively();
        assertThat(text).contains("Amount due", "Payoff amount", "Good through Dec 10, 2026", "Principal balance",
                "Interest rate", "6.99%", "Original amount", "$24,500.00", "Maturity date", "Payments remaining",
                "Last payment", "Collateral", "2022 Honda Civic", "VIN 2HGFE2F59NH512345");
        assertThat($(Div.class).withId("past-due-alert").exists()).isFalse();
        assertThat($(H1.class).first().getText()).isEqualTo("2022 Honda Civic auto loan");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_dashboard_address_opens_the_summary() {
        navigate("accounts/AUTO-100482", SummaryView.class);
        assertThat(getCurrentView()).isInstanceOf(SummaryView.class);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void an_uncollateralized_loan_has_no_collateral_field() {
        navigate("accounts/PL-200731/summary", SummaryView.class);
        assertThat($(Div.class).withId("field-collateral").exists()).isFalse();
        assertThat($(Div.class).withId("field-payoff-amount").exists()).isTrue();
    }

    @Test
    @WithUserDetails("alex.latepay@example.com")
    void a_past_due_account_shows_the_alert() {
        navigate("accounts/PL-200988/summary", SummaryView.class);
        assertThat($(Div.class).id("past-due-alert").getElement().getTextRecursively()).contains("days past due");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void another_customers_loan_gets_the_not_found_page() {
        navigate("accounts/PL-200988/summary", NotFoundView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("We couldn't find that page");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_malformed_loan_number_gets_the_not_found_page() {
        navigate("accounts/%3Cscript%3E/summary", NotFoundView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("We couldn't find that page");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void fields_the_lender_switched_off_are_not_shown() {
        WebsiteSettings before = settings.current();
        Set<SummaryField> fewer = EnumSet.copyOf(before.summaryFields());
        fewer.remove(SummaryField.INTEREST_RATE);
        fewer.remove(SummaryField.PAYOFF_AMOUNT);
        asAdmin(() -> settings.update(new WebsiteSettings(before.lenderName(), before.supportPhone(), before.supportEmail(),
                before.primaryColor(), before.cutoffTime(), fewer, before.transactionsEnabled(), before.showForecast(),
                before.showBalanceChart(), before.allowTransactionDownload(), before.documentsEnabled(),
                before.insuranceEnabled(), before.insuranceWarnDays())));
        try {
            navigate("accounts/AUTO-100482/summary", SummaryView.class);
            assertThat($(Div.class).withId("field-interest-rate").exists()).isFalse();
            assertThat($(Div.class).withId("field-payoff-amount").exists()).isFalse();
            assertThat($(Div.class).withId("field-principal-balance").exists()).isTrue();
        } finally {
            asAdmin(() -> settings.update(before));
        }
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_fields_follow_the_lenders_order() {
        WebsiteSettings before = settings.current();
        List<SummaryField> order = List.of(SummaryField.INTEREST_RATE, SummaryField.PAYOFF_AMOUNT, SummaryField.AMOUNT_DUE);
        asAdmin(() -> settings.update(before.withSummaryFields(order)));
        try {
            navigate("accounts/AUTO-100482/summary", SummaryView.class);
            List<String> shown = $(Div.class).id("summary-fields").getChildren()
                    .map(field -> field.getId().orElse("")).toList();
            assertThat(shown).containsExactly("field-interest-rate", "field-payoff-amount", "field-amount-due");
        } finally {
            asAdmin(() -> settings.update(before));
        }
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_tabs_are_links_and_mark_the_current_one() {
        navigate("accounts/AUTO-100482/summary", SummaryView.class);
        Anchor summary = $(Anchor.class).id("tab-summary");
        Anchor transactions = $(Anchor.class).id("tab-transactions");
        assertThat(summary.getHref()).isEqualTo("accounts/AUTO-100482/summary");
        assertThat(summary.getElement().getAttribute("aria-current")).isEqualTo("page");
        assertThat(transactions.getHref()).isEqualTo("accounts/AUTO-100482/transactions");
        assertThat($(Anchor.class).withText("My accounts").exists()).isTrue();
    }
}
