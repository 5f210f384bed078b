package io.borrowerportal.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewChangeRefusedException;
import io.borrowerportal.security.PreviewService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Errors thrown by a click or other event after the page opened. The user sees a short message;
 * a refusal during a staff preview says that the preview is read-only. Shown at the bottom, clear of the
 * preview banner and its "Exit preview" button.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    private final CurrentUser currentUser;
    private final PreviewService previewService;

    UiErrorHandling(CurrentUser currentUser, PreviewService previewService) {
        this.currentUser = currentUser;
        this.previewService = previewService;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = rootAccessDenied(error.getThrowable());
            String message;
            if (cause != null && currentUser.previewing()) {
                if (!(cause instanceof PreviewChangeRefusedException)) {
                    // A @ChangesCustomerState refusal is audited where it happens, with the method refused.
                    previewService.recordRefusedChange(cause.getMessage());
                }
                message = "This is a read-only preview: changes are not allowed.";
            } else if (cause != null) {
                message = "You are not allowed to do that.";
            } else {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("Error {} in the user interface", id, error.getThrowable());
                message = "Something went wrong (reference " + id + "). Please try again.";
            }
            if (VaadinSession.getCurrent() != null && com.vaadin.flow.component.UI.getCurrent() != null) {
                Notification notification = Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }));
    }

    private static Throwable rootAccessDenied(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return t;
            }
        }
        return null;
    }
}
