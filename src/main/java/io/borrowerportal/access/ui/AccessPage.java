package io.borrowerportal.access.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinRequest;
import io.borrowerportal.access.AccessNavigation;
import io.borrowerportal.security.TokenState;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;

/**
 * The frame of every access page: the sign-in page's card, with the lender's name, a title, the page's content
 * and "Back to sign in". Fits a 390-px phone as the sign-in page does.
 */
abstract class AccessPage extends Main {

    private final Div body = new Div();
    private final H2 title = new H2();

    AccessPage(SettingsService settingsService, String heading) {
        WebsiteSettings settings = settingsService.current();
        addClassNames("login-page", "access-page");
        Div card = new Div();
        card.addClassNames("login-card", "access-card");
        H1 lender = new H1(settings.lenderName());
        lender.addClassName("login-lender");
        title.setText(heading);
        title.setId("access-title");
        body.addClassName("access-body");
        Anchor back = new Anchor(AccessNavigation.LOGIN, "Back to sign in");
        back.setId("back-to-sign-in");
        // The sign-in page is no Vaadin route (decision 043): the browser loads it, the client-side router stays out.
        back.setRouterIgnore(true);
        back.addClassName("access-back");
        Paragraph help = new Paragraph("Questions? Call " + settings.supportPhone() + " or write to " + settings.supportEmail() + ".");
        help.addClassName("login-help");
        card.add(lender, title, body, back, help);
        add(card);
    }

    /** Replaces what the page shows below its title. */
    void show(String heading, Component... content) {
        title.setText(heading);
        body.removeAll();
        body.add(content);
    }

    static VerticalLayout form(Component... fields) {
        VerticalLayout form = new VerticalLayout(fields);
        form.setPadding(false);
        form.setSpacing(true);
        form.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.STRETCH);
        form.addClassName("access-form");
        return form;
    }

    static Paragraph message(String id, String text) {
        Paragraph message = new Paragraph(text);
        message.setId(id);
        message.addClassName("access-message");
        return message;
    }

    /** Why a link cannot be used, in words. */
    static String refusal(TokenState state, String what) {
        return switch (state) {
            case USED -> "This " + what + " link has already been used, or a newer one was sent since.";
            case EXPIRED -> "This " + what + " link has expired.";
            case VALID, UNKNOWN -> "This " + what + " link isn't valid. Check that you opened the whole link from the email.";
        };
    }

    /** The client's address, for the rate limits at the marked call sites. */
    static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }
}
