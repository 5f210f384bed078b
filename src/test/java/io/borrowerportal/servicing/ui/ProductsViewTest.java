package io.borrowerportal.servicing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.ViewTest;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.servicing.LoanUpsert;
import io.borrowerportal.servicing.ServicingLoans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /staff/products} without a browser (decision 034): an admin adds a product and changes it, each refusal
 * shows beside its field and writes nothing, a product that gained loans while its form was open keeps its day
 * count; staff read the list only, and customers cannot open it.
 */
class ProductsViewTest extends ViewTest {

    private static final String RUN = "V" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServicingLoans loans;

    @Test
    @WithUserDetails("admin@example.com")
    void an_admin_adds_a_product_and_then_renames_it_and_the_list_shows_both() {
        navigate(ProductsView.class);
        String code = code();

        fill(code, "Boat loan", "7.25", 84, DayCount.ACTUAL_365, true);
        test($(Button.class).id("product-save")).click();

        assertThat($(Div.class).id("products-message").getText()).isEqualTo("Added " + code + ".");
        assertThat($(Span.class).id("name-" + code).getText()).isEqualTo("Boat loan");
        assertThat($(Span.class).id("rate-" + code).getText()).isEqualTo("Default rate: 7.25 %");
        assertThat($(Span.class).id("day-count-" + code).getText()).isEqualTo("Interest: Actual/365");
        assertThat($(Span.class).id("use-" + code).getText()).isEqualTo("No loans");
        assertThat($(TextField.class).id("product-code").getValue()).as("the form is ready for the next one").isEmpty();

        test($(Button.class).id("edit-" + code)).click();
        assertThat($(TextField.class).id("product-code").isReadOnly()).isTrue();
        test($(TextField.class).id("product-name")).setValue("Marine loan");
        test($(Button.class).id("product-save")).click();

        assertThat($(Div.class).id("products-message").getText()).isEqualTo("Saved " + code + ": name.");
        assertThat($(Span.class).id("name-" + code).getText()).isEqualTo("Marine loan");
        assertThat(jdbc.queryForObject("select name from loan_products where code = ?", String.class, code))
                .isEqualTo("Marine loan");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void bad_fields_and_a_code_the_portal_has_are_refused_beside_each_field_and_nothing_is_written() {
        navigate(ProductsView.class);
        long before = jdbc.queryForObject("select count(*) from loan_products", Long.class);

        fill("boat", "", "-1", 0, DayCount.THIRTY_360, false);
        test($(Button.class).id("product-save")).click();

        assertThat($(TextField.class).id("product-code").isInvalid()).isTrue();
        assertThat($(TextField.class).id("product-code").getErrorMessage()).startsWith("Must be 2-32 capital letters");
        assertThat($(TextField.class).id("product-name").isInvalid()).isTrue();
        assertThat($(BigDecimalField.class).id("product-rate").getErrorMessage()).contains("from 0 to under 100");
        assertThat($(IntegerField.class).id("product-payments").isInvalid()).isTrue();
        assertThat($(Div.class).id("products-message").getText()).startsWith("Nothing was saved");

        fill("AUTO", "Another auto loan", "5", 60, DayCount.THIRTY_360, true);
        test($(Button.class).id("product-save")).click();

        assertThat($(TextField.class).id("product-code").getErrorMessage()).contains("has a product AUTO already");
        assertThat(jdbc.queryForObject("select count(*) from loan_products", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select name from loan_products where code = 'AUTO'", String.class))
                .isEqualTo("Auto loan");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void a_product_that_gained_a_loan_while_its_form_was_open_keeps_its_day_count_and_says_why() {
        navigate(ProductsView.class);
        String code = code();
        fill(code, "Boat loan", "7.25", 84, DayCount.THIRTY_360, true);
        test($(Button.class).id("product-save")).click();
        test($(Button.class).id("edit-" + code)).click();
        SystemTask.run(() -> loans.upsert(new LoanUpsert("PV" + RUN + "-" + NEXT.incrementAndGet(), code,
                new BigDecimal("9000.00"), new BigDecimal("7.2500"), 84, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), "2020 Sea Ray", null, null, null, null)));

        @SuppressWarnings("unchecked")
        Select<DayCount> dayCount = $(Select.class).id("product-day-count");
        dayCount.setValue(DayCount.ACTUAL_365);
        test($(Button.class).id("product-save")).click();

        assertThat($(Div.class).id("products-message").getText()).startsWith("Nothing was saved. 1 loan is booked on "
                + code).contains("stays THIRTY_360");
        assertThat(jdbc.queryForObject("select day_count from loan_products where code = ?", String.class, code))
                .isEqualTo("THIRTY_360");
        assertThat(dayCount.getValue()).as("the form shows the product as it is now").isEqualTo(DayCount.THIRTY_360);
        assertThat(dayCount.isReadOnly()).isTrue();
        assertThat($(Paragraph.class).id("product-fixed-note").getText()).startsWith("1 loan is booked on it.");
        assertThat($(Span.class).id("use-" + code).getText()).isEqualTo("In use");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_read_the_products_without_a_form_or_a_change_button() {
        navigate(ProductsView.class);

        assertThat($(Span.class).id("name-AUTO").getText()).isEqualTo("Auto loan");
        assertThat($(Span.class).id("collateral-AUTO").getText()).isEqualTo("Collateral: yes");
        assertThat($(Paragraph.class).id("products-read-only").isVisible()).isTrue();
        assertThat($(FormLayout.class).withId("product-form").exists()).isFalse();
        assertThat($(Button.class).withId("edit-AUTO").exists()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void customers_cannot_open_the_page() {
        navigate(ProductsView.ROUTE, NotFoundView.class);
        assertThat($(Div.class).withId("products").exists()).isFalse();
    }

    private void fill(String code, String name, String rate, int payments, DayCount dayCount, boolean collateral) {
        test($(TextField.class).id("product-code")).setValue(code);
        test($(TextField.class).id("product-name")).setValue(name);
        $(BigDecimalField.class).id("product-rate").setValue(new BigDecimal(rate));
        $(IntegerField.class).id("product-payments").setValue(payments);
        @SuppressWarnings("unchecked")
        Select<DayCount> select = $(Select.class).id("product-day-count");
        select.setValue(dayCount);
        $(Checkbox.class).id("product-collateralized").setValue(collateral);
    }

    private static String code() {
        return "PV" + RUN + "-" + NEXT.incrementAndGet();
    }
}
