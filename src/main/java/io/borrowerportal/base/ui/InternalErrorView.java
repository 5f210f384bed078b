package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Any unexpected failure while opening a page: a plain message and a reference, never a stack trace.
 * Shown without a layout, so it is the page's main landmark itself.
 */
@PageTitle("Something went wrong")
@AnonymousAllowed
public class InternalErrorView extends Main implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(InternalErrorView.class);

    private final Paragraph reference = new Paragraph();

    public InternalErrorView() {
        addClassName("message-page");
        add(new H1("Something went wrong"),
                new Paragraph("We could not show this page. Please try again in a moment."),
                reference, new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        // The path comes from the browser: a line break in it could forge a line in the log.
        String path = event.getLocation().getPath().replaceAll("\\p{Cntrl}", "?");
        log.error("Error {} while opening /{}", id, path, parameter.getCaughtException());
        reference.setText("Reference: " + id);
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
