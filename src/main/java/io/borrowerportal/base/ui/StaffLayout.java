package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staff console's frame: header, the console's menu, the page. The menu lists every view in this layout that
 * carries Vaadin's {@code @Menu}, in its order, and only those the signed-in role may open (Vaadin filters the
 * entries through the same access check as navigation): a feature adds a page to the console by annotating its
 * view, and this class never names it. On a phone the menu folds behind a "Menu" button (decision 027).
 */
@RolesAllowed({Role.STAFF, Role.ADMIN})
public class StaffLayout extends Div implements RouterLayout, AfterNavigationObserver {

    /** The menu entry's element id: {@code nav-} and the last part of its route ({@code staff} itself: customers). */
    static final String ID_PREFIX = "nav-";

    private final Main content = new Main();
    private final Nav nav = new Nav();
    private final Button toggle = new Button("Menu", VaadinIcon.MENU.create());
    private final Map<String, Anchor> links = new LinkedHashMap<>();

    public StaffLayout(SettingsService settingsService, CurrentUser currentUser, AuthenticationContext authenticationContext) {
        addClassNames("portal-shell", "staff-shell");
        Header header = new Header();
        header.addClassName("portal-header");
        Anchor brand = new Anchor("staff", settingsService.current().lenderName() + " · Staff console");
        brand.addClassName("portal-brand");
        Div right = new Div();
        right.addClassName("portal-header-user");
        Span name = new Span(currentUser.actor().map(PortalUser::displayName).orElse(""));
        name.addClassName("portal-user-name");
        Button logout = new Button("Log out", click -> authenticationContext.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        right.add(name, logout);
        header.add(brand, right);
        content.addClassName("portal-main");
        content.setId("main");
        add(header, menu(), content);
    }

    private Component menu() {
        nav.setId("staff-nav");
        nav.addClassName("staff-nav");
        nav.getElement().setAttribute("aria-label", "Staff console");
        for (MenuEntry entry : entries()) {
            String path = path(entry);
            Anchor link = new Anchor(path, entry.title());
            link.setId(ID_PREFIX + idOf(path));
            links.put(path, link);
            nav.add(link);
        }
        toggle.setId("staff-menu-toggle");
        toggle.addClassName("staff-menu-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.getElement().setAttribute("aria-controls", "staff-nav");
        toggle.addClickListener(click -> open(!nav.hasClassName("open")));
        open(false);
        Div menu = new Div(toggle, nav);
        menu.addClassName("staff-menu");
        return menu;
    }

    /**
     * The console's menu entries the signed-in person may open, in menu order: Vaadin's {@code @Menu} views whose
     * route sits in this layout (the customer website's views could carry {@code @Menu} too).
     */
    static List<MenuEntry> entries() {
        return MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() != null && entry.menuClass().isAnnotationPresent(Route.class)
                        && entry.menuClass().getAnnotation(Route.class).layout() == StaffLayout.class)
                .toList();
    }

    private static String path(MenuEntry entry) {
        String path = entry.path();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String idOf(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return "staff".equals(last) ? "customers" : last;
    }

    private void open(boolean open) {
        nav.setClassName("open", open);
        toggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
    }

    /**
     * Marks the current page's entry ({@code aria-current="page"}); a page below an entry (a customer's page below
     * Customers) marks that entry as the current section. A new page folds the phone menu away.
     */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String here = event.getLocation().getPath();
        String section = links.keySet().stream().filter(path -> here.equals(path) || here.startsWith(path + "/"))
                .reduce((a, b) -> b.length() > a.length() ? b : a).orElse(null);
        links.forEach((path, link) -> {
            link.removeClassName("current");
            link.getElement().removeAttribute("aria-current");
            if (path.equals(section)) {
                link.addClassName("current");
                link.getElement().setAttribute("aria-current", here.equals(path) ? "page" : "true");
            }
        });
        open(false);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }
}
