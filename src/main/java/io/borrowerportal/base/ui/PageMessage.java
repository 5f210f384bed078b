package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Div;

/**
 * The one line at the top of a staff list page that says how the last action went: hidden until then, green with
 * role "status" when it worked, red with role "alert" (read out at once) when the service refused it.
 */
public class PageMessage extends Div {

    public PageMessage(String id) {
        setId(id);
        setVisible(false);
    }

    public void show(boolean error, String text) {
        setText(text);
        setClassName("alert");
        addClassName(error ? "alert-error" : "alert-success");
        getElement().setAttribute("role", error ? "alert" : "status");
        setVisible(true);
    }
}
