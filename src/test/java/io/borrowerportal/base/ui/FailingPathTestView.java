package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.WildcardParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** A page that fails while opening whatever path follows it. Exists only on the test classpath. */
@Route(value = "test-only/failing-path", autoLayout = false)
@AnonymousAllowed
public class FailingPathTestView extends Div implements HasUrlParameter<String> {

    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String rest) {
        throw new IllegalStateException("Failed on purpose");
    }
}
