package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.AccountsLayout;
import io.borrowerportal.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsViewTest extends ViewTest {

    @Autowired
    CustomerService customers;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void each_account_is_a_real_link_to_its_dashboard() {
        navigate(AccountsView.class);
        assertThat($(Anchor.class).withClassName("account-card").all())
                .extracting(Anchor::getHref)
                .containsExactly("accounts/AUTO-100482", "accounts/PL-200731");
        Anchor auto = $(Anchor.class).withClassName("account-card").first();
        assertThat(auto.getElement().getTextRecursively()).contains("2022 Honda Civic auto loan", "Loan AUTO-100482",
                "Current balance", "Amount due", "Next due date", "Current");
    }

    @Test
    @WithUserDetails("alex.latepay@example.com")
    void a_past_due_account_shows_its_badge_and_days() {
        navigate(AccountsView.class);
        Anchor card = $(Anchor.class).withClassName("account-card").withAttribute("href", "accounts/PL-200988").single();
        assertThat(card.getElement().getTextRecursively()).contains("Past due", "days past due");
    }

    @Test
    @WithUserDetails("sam.borrower@example.com")
    void a_paid_off_account_shows_no_amount_due() {
        navigate(AccountsView.class);
        Anchor paidOff = $(Anchor.class).withClassName("account-card").withAttribute("href", "accounts/PL-100155").single();
        assertThat(paidOff.getElement().getTextRecursively()).contains("Paid off").doesNotContain("Amount due");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void choosing_list_changes_the_layout_and_is_remembered() {
        navigate(AccountsView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<AccountsLayout> layout = $(RadioButtonGroup.class).id("accounts-layout");
        test(layout).selectItem("List");
        assertThat($(Div.class).id("accounts").getClassName()).isEqualTo("account-list");
        assertThat(customers.accountsLayout()).isEqualTo(AccountsLayout.LIST);
        test(layout).selectItem("Cards");
        assertThat(customers.accountsLayout()).isEqualTo(AccountsLayout.CARDS);
    }
}
