package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import io.borrowerportal.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

class HomeViewTest extends ViewTest {

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void customers_land_on_their_accounts() {
        navigate("", Component.class);
        assertThat($(H1.class).first().getText()).isEqualTo("My accounts");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_land_on_the_staff_console() {
        navigate("", Component.class);
        assertThat($(H1.class).first().getText()).isEqualTo("Customers");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void an_unknown_address_gets_the_friendly_not_found_page() {
        navigate("no/such/page", NotFoundView.class);
        assertThat($(H1.class).first().getText()).isEqualTo("We couldn't find that page");
    }
}
