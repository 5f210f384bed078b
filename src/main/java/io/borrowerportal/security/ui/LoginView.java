package io.borrowerportal.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;

/** One sign-in page for customers and staff. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    LoginView(SettingsService settingsService) {
        WebsiteSettings settings = settingsService.current();
        addClassName("login-page");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Email");
        // One message whether or not the email exists, so the form does not reveal who has an account.
        i18n.getErrorMessage().setTitle("Incorrect email or password");
        i18n.getErrorMessage().setMessage("Check your email and password and try again.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        // The access pages live in a module above this one, so they are reached by address.
        form.addForgotPasswordListener(click -> form.getUI().ifPresent(ui -> ui.navigate("forgot-password")));
        notice.setId("login-notice");
        notice.addClassName("login-notice");
        notice.setVisible(false);
        Anchor activate = new Anchor("activate", "First time here? Activate your account");
        activate.setId("login-activate");
        activate.addClassName("login-activate");

        Div card = new Div();
        card.addClassName("login-card");
        H1 lender = new H1(settings.lenderName());
        lender.addClassName("login-lender");
        Paragraph help = new Paragraph("Questions? Call " + settings.supportPhone() + " or write to " + settings.supportEmail() + ".");
        help.addClassName("login-help");
        if (settings.hasLogo()) {
            Image logo = new Image(settings.logoPath(), "");
            logo.addClassName("login-logo");
            logo.setId("lender-logo");
            card.add(logo);
        }
        card.add(lender, notice, form, activate, help);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        // After the access pages: say what happened, then sign in as usual.
        String said = parameters.containsKey("activated") ? "Your account is active. Sign in with your new password."
                : parameters.containsKey("password-reset") ? "Your password was changed. Sign in with your new password." : null;
        notice.setText(said == null ? "" : said);
        notice.setVisible(said != null);
    }
}
