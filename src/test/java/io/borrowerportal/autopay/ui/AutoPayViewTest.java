package io.borrowerportal.autopay.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.SignIn;
import com.vaadin.flow.component.UI;
import io.borrowerportal.autopay.AutoPayStatus;
import io.borrowerportal.autopay.AutoPaySummary;
import io.borrowerportal.autopay.AutoPayTerms;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The AutoPay tab and the Summary's AutoPay alert, browserless. */
class AutoPayViewTest extends AutoPayUiSupport {

    private AutoPaySummary monthly(Borrower b) {
        return schedule(b, new AutoPayTerms(b.bank(), AutoPayFrequency.MONTHLY, AutoPayAmountType.SCHEDULED_PAYMENT,
                null, CHRISTMAS, null, false, true));
    }

    /** The Summary is the account feature's view: opened by its address. */
    private void openSummary(Borrower b) {
        UI.getCurrent().navigate(b.page("summary"));
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("SummaryView");
    }

    @Test
    void a_loan_without_autopay_offers_to_schedule_one() {
        Borrower b = borrower("tab-empty");
        navigate(b.page("autopay"), AutoPayView.class);
        assertThat($(Paragraph.class).id("autopay-empty").getText()).isEqualTo("No AutoPay on this loan yet.");
        assertThat($(Anchor.class).id("schedule-autopay").getHref()).isEqualTo(b.page("autopay/new"));
        assertThat($(Anchor.class).id("tab-autopay").getElement().getAttribute("aria-current")).isEqualTo("page");
    }

    @Test
    void an_autopay_shows_its_method_schedule_next_payment_and_status_and_fills_the_limit() {
        Borrower b = borrower("tab-listed");
        AutoPaySummary autopay = monthly(b);
        navigate(b.page("autopay"), AutoPayView.class);

        String card = $(Div.class).id("autopay-" + autopay.reference()).getElement().getTextRecursively();
        assertThat(card).contains(autopay.reference(), autopay.method(), "Scheduled payment amount", "Active",
                "Monthly on the 25th", "Monday, Dec 28, 2026 (due Dec 25, 2026, not a business day)",
                "0 (until paid off)");
        assertThat($(Anchor.class).withId("schedule-autopay").exists()).as("one per loan").isFalse();
        assertThat($(Paragraph.class).id("autopay-refusal").getText()).contains("already has an AutoPay");
        assertThat($(Button.class).id("autopay-" + autopay.reference() + "-edit").isVisible()).isTrue();
    }

    @Test
    void pausing_and_resuming_are_confirmed_first() {
        Borrower b = borrower("tab-pause");
        AutoPaySummary autopay = monthly(b);
        navigate(b.page("autopay"), AutoPayView.class);

        test($(Button.class).id("autopay-" + autopay.reference() + "-pause")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).id("autopay-confirm");
        assertThat(test(confirm).getHeader()).isEqualTo("Pause this AutoPay?");
        test(confirm).cancel();
        assertThat(queries.autopay(b.loan(), autopay.reference()).status()).isEqualTo(AutoPayStatus.ACTIVE);

        test($(Button.class).id("autopay-" + autopay.reference() + "-pause")).click();
        test($(ConfirmDialog.class).id("autopay-confirm")).confirm();
        assertThat(queries.autopay(b.loan(), autopay.reference()).status()).isEqualTo(AutoPayStatus.PAUSED);
        assertThat($(Div.class).id("autopay-" + autopay.reference()).getElement().getTextRecursively())
                .contains("Paused", "Next payment if resumed");
        assertThat($(Button.class).withId("autopay-" + autopay.reference() + "-pause").exists()).isFalse();

        test($(Button.class).id("autopay-" + autopay.reference() + "-resume")).click();
        test($(ConfirmDialog.class).id("autopay-confirm")).confirm();
        assertThat(queries.autopay(b.loan(), autopay.reference()).status()).isEqualTo(AutoPayStatus.ACTIVE);
    }

    @Test
    void cancelling_is_confirmed_and_frees_the_loan_for_a_new_autopay() {
        Borrower b = borrower("tab-cancel");
        AutoPaySummary autopay = monthly(b);
        navigate(b.page("autopay"), AutoPayView.class);

        test($(Button.class).id("autopay-" + autopay.reference() + "-cancel")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).id("autopay-confirm");
        assertThat(test(confirm).getText()).contains("makes no more payments");
        test(confirm).confirm();

        assertThat(queries.autopay(b.loan(), autopay.reference()).status()).isEqualTo(AutoPayStatus.CANCELLED);
        assertThat($(Div.class).id("autopay-" + autopay.reference()).getElement().getTextRecursively()).contains("Cancelled");
        assertThat($(Button.class).withId("autopay-" + autopay.reference() + "-edit").exists()).isFalse();
        assertThat($(Anchor.class).withId("schedule-autopay").exists()).as("offered again at once").isTrue();
        assertThat($(Paragraph.class).withId("autopay-refusal").exists()).isFalse();
    }

    @Test
    void a_co_borrowers_autopay_is_shown_without_actions() {
        SignIn.as(users, "jane.borrower@example.com");
        navigate("accounts/AUTO-100482/autopay", AutoPayView.class);
        AutoPaySummary sams = queries.autopays("AUTO-100482").stream().filter(a -> !a.mine()).findFirst().orElseThrow();
        Div card = $(Div.class).id("autopay-" + sams.reference());
        assertThat(card.getElement().getTextRecursively()).contains("Set up by", "Co-borrower", "Mastercard •••• 4444");
        assertThat($(Button.class).withId("autopay-" + sams.reference() + "-cancel").exists()).isFalse();
        assertThat($(Button.class).withId("autopay-" + sams.reference() + "-edit").exists()).isFalse();
        assertThat($(Paragraph.class).id("autopay-refusal").getText()).contains("Your co-borrower set it up");
    }

    @Test
    void the_summary_says_autopay_is_on_and_when_it_pays_next() {
        Borrower b = borrower("tab-summary");
        monthly(b);
        openSummary(b);
        Div alert = $(Div.class).id("autopay-active-alert");
        assertThat(alert.getElement().getTextRecursively()).contains("AutoPay is on", "Dec 28, 2026", "Checking •••• ");
        assertThat($(Anchor.class).withText("View AutoPay").first().getHref()).isEqualTo(b.page("autopay"));
    }

    @Test
    void a_fixed_amount_autopay_is_titled_by_its_amount() {
        Borrower b = borrower("tab-fixed");
        AutoPaySummary autopay = schedule(b, new AutoPayTerms(b.bank(), AutoPayFrequency.BIWEEKLY, AutoPayAmountType.FIXED,
                new BigDecimal("125.00"), CHRISTMAS.minusDays(7), 4, false, false));
        navigate(b.page("autopay"), AutoPayView.class);
        assertThat($(Div.class).id("autopay-" + autopay.reference()).getElement().getTextRecursively())
                .contains("$125.00 each time", "Every two weeks on Friday", "0 of 4");
    }

    @Test
    void the_tab_is_not_shown_and_refused_when_the_lender_switched_autopay_off() {
        Borrower b = borrower("tab-off");
        asAdmin(() -> settings.updateAutopay(settings.autopay().withEnabled(false)));
        openSummary(b);
        assertThat($(Component.class).withId("tab-autopay").exists()).isFalse();
        navigate(b.page("autopay"), NotFoundView.class);
        navigate(b.page("autopay/new"), NotFoundView.class);
    }
}
