package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StaffHomeViewTest extends ViewTest {

    @Autowired
    CurrentUser currentUser;

    @Test
    @WithUserDetails("staff@example.com")
    void staff_see_all_customers_and_can_search_by_loan_number() {
        navigate(StaffHomeView.class);
        Grid<?> customers = $(Grid.class).id("customers");
        assertThat(test(customers).size()).isGreaterThanOrEqualTo(3);
        test($(TextField.class).id("customer-search")).setValue("PL-200988");
        assertThat(test(customers).size()).isEqualTo(1);
        assertThat(test(customers).getCellText(0, 2)).isEqualTo("alex.latepay@example.com");
        Div loans = (Div) test(customers).getCellComponent(0, 3);
        assertThat(loans.getChildren().map(link -> (Anchor) link)).extracting(Anchor::getText, Anchor::getHref)
                .containsExactly(tuple("AUTO-100517", "staff/documents?loan=AUTO-100517"),
                        tuple("PL-100090", "staff/documents?loan=PL-100090"),
                        tuple("PL-200988", "staff/documents?loan=PL-200988"));
        assertThat(test(customers).getCellText(0, 4)).isEqualTo("Active");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_search_without_matches_says_so() {
        navigate(StaffHomeView.class);
        test($(TextField.class).id("customer-search")).setValue("zz-nobody");
        assertThat($(Grid.class).withId("customers").exists()).as("the empty grid is hidden").isFalse();
        assertThat($(Paragraph.class).id("no-matches").getText()).contains("No customer matches \"zz-nobody\"");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void view_as_customer_starts_a_read_only_preview() {
        navigate(StaffHomeView.class);
        test($(TextField.class).id("customer-search")).setValue("jane");
        Grid<?> customers = $(Grid.class).id("customers");
        assertThat(test(customers).size()).isEqualTo(1);
        Button view = (Button) test(customers).getCellComponent(0, 1);
        assertThat(view.getText()).isEqualTo("View as customer");
        test(view).click();
        assertThat(currentUser.previewing()).isTrue();
        assertThat(currentUser.customer().email()).isEqualTo("jane.borrower@example.com");
        assertThat(currentUser.actor().orElseThrow().email()).isEqualTo("staff@example.com");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_the_staff_console() {
        navigate("staff", NotFoundView.class);
        assertThat($(Div.class).withClassName("staff-home").exists()).isFalse();
    }
}
