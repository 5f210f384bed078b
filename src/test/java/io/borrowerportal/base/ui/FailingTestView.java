package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** A page that fails while opening, to show what users see then. Exists only on the test classpath. */
@Route(value = "test-only/failing-page", autoLayout = false)
@AnonymousAllowed
public class FailingTestView extends Div {

    static final String SECRET = "jdbc:secret-internal-detail";

    public FailingTestView() {
        throw new IllegalStateException("Failed with " + SECRET);
    }
}
