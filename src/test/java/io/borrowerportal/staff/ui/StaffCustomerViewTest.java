package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

class StaffCustomerViewTest extends ViewTest {

    @Test
    @WithUserDetails("staff@example.com")
    void the_search_leads_to_the_customer_page_with_their_loans() {
        navigate(StaffHomeView.class);
        test($(TextField.class).id("customer-search")).setValue("alex.latepay");
        Anchor name = (Anchor) test($(Grid.class).id("customers")).getCellComponent(0, 0);
        assertThat(name.getText()).isEqualTo("Alex Latepay");

        navigate(name.getHref(), StaffCustomerView.class);
        assertThat($(H1.class).id("customer-name").getText()).isEqualTo("Alex Latepay");
        assertThat($(Paragraph.class).id("customer-email").getText()).isEqualTo("alex.latepay@example.com");
        assertThat($(Anchor.class).id("loan-documents-PL-200988").getHref()).isEqualTo("staff/documents?loan=PL-200988");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void an_unknown_customer_is_not_found() {
        navigate("staff/customers/987654321", NotFoundView.class);
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_a_customer_page() {
        navigate("staff/customers/1", NotFoundView.class);
    }
}
