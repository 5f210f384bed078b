package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer with no loan open to the website lands on a page that says so and how to reach the lender, instead
 * of an empty account list (decision 025). The switches are set in SQL here; WebAccessTest covers the services.
 */
class NoWebAccessViewTest extends ViewTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SettingsService settings;

    @AfterEach
    void restoreDemoData() {
        jdbc.sql("UPDATE loan_accounts SET web_access = TRUE WHERE loan_number IN ('PL-200988', 'AUTO-100517')").update();
        jdbc.sql("UPDATE customers SET web_access = TRUE").update();
    }

    @Test
    @WithUserDetails("alex.latepay@example.com")
    void a_customer_whose_every_loan_is_switched_off_is_told_how_to_reach_the_lender() {
        // Alex's third loan, PL-100090, is off the web in the demo data already.
        jdbc.sql("UPDATE loan_accounts SET web_access = FALSE WHERE loan_number IN ('PL-200988', 'AUTO-100517')").update();

        navigate("accounts", NoWebAccessView.class);

        WebsiteSettings website = settings.current();
        assertThat($(H1.class).first().getText()).isEqualTo("Your loans are not available online");
        assertThat($(Paragraph.class).id("no-web-access-text").getText()).startsWith(website.lenderName()
                + " has switched off online access to your loan account");
        Anchor phone = $(Anchor.class).id("no-web-access-phone");
        assertThat(phone.getText()).isEqualTo(website.supportPhone());
        assertThat(phone.getHref()).isEqualTo("tel:" + website.supportPhone().replaceAll("[^0-9+]", ""));
        Anchor email = $(Anchor.class).id("no-web-access-email");
        assertThat(email.getText()).isEqualTo(website.supportEmail());
        assertThat(email.getHref()).isEqualTo("mailto:" + website.supportEmail());
        navigate("accounts/PL-200988", NotFoundView.class);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_switched_off_altogether_sees_the_same_page_and_none_of_their_loans() {
        jdbc.sql("UPDATE customers SET web_access = FALSE WHERE email = 'jane.borrower@example.com'").update();

        navigate("", NoWebAccessView.class);
        navigate("accounts/AUTO-100482", NotFoundView.class);
        navigate("accounts/PL-200731/pay", NotFoundView.class);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_with_loans_on_the_web_is_sent_to_the_account_list() {
        navigate("no-web-access", AccountsView.class);
    }
}
