package io.borrowerportal.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SessionDestroyEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends the sign-in when Vaadin closes an idle session. With {@code vaadin.closeIdleSessions} Vaadin
 * closes its own session once only heartbeats arrived for the session timeout, but the heartbeats keep
 * the HTTP session alive, and with it the Spring Security sign-in: a reload would walk straight back in.
 * Invalidating the HTTP session here makes the 15-minute idle timeout a real sign-out.
 */
@Component
class IdleSessionSignOut implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(IdleSessionSignOut.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(IdleSessionSignOut::invalidateHttpSession);
    }

    static void invalidateHttpSession(SessionDestroyEvent event) {
        WrappedSession httpSession = event.getSession().getSession();
        if (httpSession == null) {
            return;
        }
        try {
            httpSession.invalidate();
            log.debug("Closed Vaadin session; HTTP session invalidated");
        } catch (IllegalStateException alreadyInvalidated) {
            // Sign-out or the container's own timeout got there first: nothing left to end.
        }
    }
}
