package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;

/**
 * The customer website's frame: lender header, the preview banner while staff preview, the page, and
 * a footer with the lender's contact details.
 */
@RolesAllowed(Role.CUSTOMER)
public class CustomerLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    public CustomerLayout(SettingsService settingsService, CurrentUser currentUser, PreviewService previewService,
                          AuthenticationContext authenticationContext) {
        WebsiteSettings settings = settingsService.current();
        addClassName("portal-shell");
        getStyle().set("--portal-brand", settings.primaryColor());

        if (currentUser.previewing()) {
            add(previewBanner(currentUser, previewService));
        }

        Header header = new Header();
        header.addClassName("portal-header");
        Anchor brand = new Anchor("accounts");
        brand.addClassName("portal-brand");
        if (settings.hasLogo()) {
            // The name is the link's text beside it, so the image is decoration (empty alt).
            Image logo = new Image(settings.logoPath(), "");
            logo.addClassName("portal-logo");
            logo.setId("lender-logo");
            brand.add(logo);
        }
        brand.add(new Span(settings.lenderName()));
        Div right = new Div();
        right.addClassName("portal-header-user");
        Anchor accounts = new Anchor("accounts", "My accounts");
        accounts.addClassName("portal-nav-link");
        Anchor profile = new Anchor("profile", "My profile");
        profile.addClassName("portal-nav-link");
        profile.setId("nav-profile");
        Span name = new Span(currentUser.servedCustomer().map(PortalUser::displayName).orElse(""));
        name.addClassName("portal-user-name");
        right.add(accounts, profile, name);
        if (!currentUser.previewing()) {
            Button logout = new Button("Log out", click -> authenticationContext.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            right.add(logout);
        }
        header.add(brand, right);

        content.addClassName("portal-main");
        content.setId("main");

        Footer footer = new Footer();
        footer.addClassName("portal-footer");
        footer.add(new Span(settings.lenderName() + " · " + settings.supportPhone() + " · "),
                new Anchor("mailto:" + settings.supportEmail(), settings.supportEmail()));

        add(header, content, footer);
    }

    private static Component previewBanner(CurrentUser currentUser, PreviewService previewService) {
        Div banner = new Div();
        banner.addClassName("preview-banner");
        banner.setId("preview-banner");
        banner.getElement().setAttribute("role", "status");
        String name = currentUser.customer().displayName();
        Button exit = new Button("Exit preview", click -> {
            previewService.stop(SessionSecurityContext.saver());
            // A full page load so every part of the page is rebuilt under the staff member's own sign-in.
            UI.getCurrent().getPage().setLocation("staff");
        });
        exit.setId("exit-preview");
        exit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        banner.add(new Span("Previewing as " + name + ", read-only."), exit);
        return banner;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }
}
