package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * One friendly page for a path that does not exist, an account that is not the customer's, and a
 * page the user's role may not open: the three must look alike so nothing leaks. It is shown without
 * a layout, so it is the page's main landmark itself.
 */
@PageTitle("Page not found")
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("message-page");
        add(new H1("We couldn't find that page"),
                new Paragraph("The address may be mistyped, or the page is not available to you."),
                new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
