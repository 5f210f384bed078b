package io.borrowerportal.base.ui;

import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.util.function.Consumer;

/** Stores a changed security context in the HTTP session, where the next request loads it from. */
public final class SessionSecurityContext {

    private SessionSecurityContext() {
    }

    public static Consumer<SecurityContext> saver() {
        return context -> VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
}
