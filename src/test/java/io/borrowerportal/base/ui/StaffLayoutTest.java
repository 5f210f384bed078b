package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import io.borrowerportal.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff console's menu: built from {@code @Menu}, filtered by the role, the current page marked, folding on a phone. */
class StaffLayoutTest extends ViewTest {

    /** The console's pages each role sees, in menu order (other pages may sit between them). */
    static final List<String> STAFF_PAGES = List.of("Customers", "Insurance review", "Documents", "Document categories",
            "Payments operations", "Invitations");
    static final List<String> ADMIN_ONLY = List.of("Users", "Import", "Staff second factors", "Webhooks");

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithUserDetails("staff@example.com")
    void staff_see_the_pages_of_their_role_in_menu_order_and_not_the_admin_pages() {
        navigate("staff", Component.class);
        List<String> titles = menuTitles();
        assertThat(titles).containsSubsequence(STAFF_PAGES).doesNotContainAnyElementsOf(ADMIN_ONLY);
        assertThat(menuLinks()).containsEntry("nav-customers", "staff").containsEntry("nav-insurance", "staff/insurance")
                .containsEntry("nav-documents", "staff/documents").containsEntry("nav-document-categories", "staff/document-categories")
                .containsEntry("nav-payments", "staff/payments").containsEntry("nav-invitations", "staff/invitations");
    }

    @Test
    @WithUserDetails("admin@example.com")
    void admins_also_see_users_staff_second_factors_and_webhooks_last() {
        navigate("staff", Component.class);
        List<String> titles = menuTitles();
        assertThat(titles).containsSubsequence(STAFF_PAGES)
                .containsSubsequence("Invitations", "Users", "Import", "Staff second factors", "Webhooks");
        assertThat(titles.getLast()).isEqualTo("Webhooks");
        assertThat(menuLinks()).containsEntry("nav-users", "staff/users").containsEntry("nav-second-factors", "staff/second-factors")
                .containsEntry("nav-webhooks", "staff/webhooks");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void the_current_page_is_marked_and_a_page_below_an_entry_marks_its_section() {
        navigate("staff/invitations", Component.class);
        assertThat(current()).containsExactly(Map.entry("nav-invitations", "page"));

        navigate("staff", Component.class);
        assertThat(current()).containsExactly(Map.entry("nav-customers", "page"));

        long jane = jdbc.sql("select id from customers where email = 'jane.borrower@example.com'").query(Long.class).single();
        navigate("staff/customers/" + jane, Component.class);
        assertThat(current()).as("a customer's page sits below Customers").containsExactly(Map.entry("nav-customers", "true"));
    }

    @Test
    @WithUserDetails("staff@example.com")
    void on_a_phone_the_menu_button_opens_the_menu_and_a_new_page_folds_it_away() {
        navigate("staff", Component.class);
        Button toggle = $(Button.class).id("staff-menu-toggle");
        Nav nav = $(Nav.class).id("staff-nav");
        assertThat(toggle.getElement().getAttribute("aria-controls")).isEqualTo("staff-nav");
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(nav.hasClassName("open")).isFalse();

        test(toggle).click();
        assertThat(toggle.getElement().getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(nav.hasClassName("open")).isTrue();

        navigate("staff/documents", Component.class);
        assertThat($(Button.class).id("staff-menu-toggle").getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat($(Nav.class).id("staff-nav").hasClassName("open")).isFalse();
    }

    /** A staff page someone forgets to give a {@code @Menu} would be reachable only by typing its address. */
    @Test
    @WithUserDetails("admin@example.com")
    void every_staff_page_without_parameters_is_in_the_menu() {
        List<RouteData> staffPages = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .filter(route -> route.getParentLayout() == StaffLayout.class && route.getRouteParameters().isEmpty())
                .toList();
        assertThat(staffPages).extracting(RouteData::getTemplate).contains("staff", "staff/users", "staff/second-factors");
        assertThat(staffPages).allSatisfy(route -> assertThat(route.getNavigationTarget().getAnnotation(Menu.class))
                .as(route.getTemplate()).isNotNull());
    }

    private List<String> menuTitles() {
        return $(Anchor.class).from($(Nav.class).id("staff-nav")).all().stream().map(Anchor::getText).toList();
    }

    private Map<String, String> menuLinks() {
        return $(Anchor.class).from($(Nav.class).id("staff-nav")).all().stream()
                .collect(Collectors.toMap(a -> a.getId().orElseThrow(), Anchor::getHref));
    }

    private Map<String, String> current() {
        return $(Anchor.class).from($(Nav.class).id("staff-nav")).all().stream()
                .filter(a -> a.getElement().hasAttribute("aria-current"))
                .collect(Collectors.toMap(a -> a.getId().orElseThrow(), a -> a.getElement().getAttribute("aria-current")));
    }
}
