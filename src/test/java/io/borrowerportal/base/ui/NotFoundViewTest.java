package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of wrong address opens the same page, whoever asks. The HTTP status of that page is tested over
 * real HTTP in {@code SecurityConfigurationTest}.
 */
class NotFoundViewTest extends ViewTest {

    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    CurrentUser currentUser;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nonexistent", "my-settings", "accounts/AUTO-100482/nope", "accounts/PL-200988/summary",
            "staff", "staff/payments"})
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_on_a_wrong_address_gets_the_not_found_page(String path) {
        assertNotFound(path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"accounts", "accounts/AUTO-100482/summary", "staff/nope"})
    @WithUserDetails("staff@example.com")
    void staff_on_a_customer_page_or_an_unknown_one_get_the_not_found_page(String path) {
        assertNotFound(path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"staff", "staff/payments", "accounts/PL-200988/summary", "accounts/AUTO-100482/nope",
            "nonexistent"})
    @WithUserDetails("staff@example.com")
    void during_a_preview_staff_pages_and_other_customers_loans_are_not_found(String path) {
        previews.start(SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow()), context -> { });
        assertThat(currentUser.previewing()).isTrue();

        assertNotFound(path);
        assertThat(currentUser.previewing()).as("still previewing").isTrue();

        navigate("accounts", Component.class);
        assertThat($(H1.class).first().getText()).as("her own accounts still open").isEqualTo("My accounts");
    }

    private void assertNotFound(String path) {
        navigate(path, NotFoundView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("We couldn't find that page");
        assertThat(getCurrentView().getElement().getTextRecursively())
                .doesNotContain("alex.latepay@example.com").doesNotContain("Payoff amount");
    }
}
