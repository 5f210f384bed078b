package io.borrowerportal.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.borrowerportal.security.SecondFactorService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Sends someone who passed the password but owes the second factor to the second-factor page, whatever address
 * they open. Their sign-in holds no role, so role-protected pages and services refuse them anyway; this also
 * covers pages open to every signed-in user (such as "/") and makes the next step obvious (decision 018).
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {

    private static final Set<Class<?>> OPEN_WHILE_PENDING = Set.of(SecondFactorView.class, SecondFactorEnrolmentView.class, LoginView.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(SecondFactorGuard::check));
    }

    static void check(BeforeEnterEvent event) {
        if (!SecondFactorService.pending(SecurityContextHolder.getContext().getAuthentication())) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (OPEN_WHILE_PENDING.contains(target) || HasErrorParameter.class.isAssignableFrom(target)) {
            return;
        }
        event.forwardTo(SecondFactorView.class);
    }
}
