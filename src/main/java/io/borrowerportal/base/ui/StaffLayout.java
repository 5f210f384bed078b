package io.borrowerportal.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.settings.SettingsService;

/** The staff console's frame. */
@RolesAllowed({Role.STAFF, Role.ADMIN})
public class StaffLayout extends Div implements RouterLayout {

    private final Main content = new Main();

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
        boolean admin = currentUser.actor().map(user -> Role.ADMIN.equals(user.role())).orElse(false);
        add(header, navigation(admin), content);
    }

    /** The console's pages; plain links, since the layout sits below every feature that adds a page to it. */
    private static Nav navigation(boolean admin) {
        Nav nav = new Nav(link("staff", "Customers", "nav-customers"),
                link("staff/documents", "Documents", "nav-documents"),
                link("staff/document-categories", "Document categories", "nav-document-categories"),
                link("staff/insurance", "Insurance reviews", "nav-insurance"),
                link("staff/payments", "Payments operations", "nav-payments"),
                link("staff/invitations", "Invitations", "nav-invitations"));
        if (admin) {
            // Only admins reset a staff member's second factor (decision 018).
            nav.add(link(SecondFactorNavigation.STAFF_RESETS_ROUTE, "Staff second factors", "nav-second-factors"));
        }
        nav.addClassName("staff-nav");
        nav.getElement().setAttribute("aria-label", "Staff console");
        return nav;
    }

    private static Anchor link(String href, String text, String id) {
        Anchor link = new Anchor(href, text);
        link.setId(id);
        return link;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }
}
