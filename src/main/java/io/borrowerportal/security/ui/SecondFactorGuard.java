package io.borrowerportal.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SecondFactorService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Sends someone who passed the password but owes the second factor to the second-factor page when they open a
 * page their completed sign-in would open: "/", a bookmarked staff page, the page they asked for before signing
 * in. Their sign-in holds no role until then, so the route checks and the services refuse them anyway; a page
 * their completed sign-in could not open either stays "not found", exactly as it will be afterwards (decision 018).
 */
@Component
class SecondFactorGuard implements VaadinServiceInitListener {

    private static final Set<Class<?>> OPEN_WHILE_PENDING = Set.of(SecondFactorView.class, SecondFactorEnrolmentView.class);
    private static final AccessAnnotationChecker ACCESS = new AccessAnnotationChecker();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(SecondFactorGuard::check));
    }

    static void check(BeforeEnterEvent event) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!SecondFactorService.pending(auth) || !(auth.getPrincipal() instanceof PortalUser user)) {
            return;
        }
        Class<?> target = event.getNavigationTarget();
        if (OPEN_WHILE_PENDING.contains(target) || HasErrorParameter.class.isAssignableFrom(target)) {
            return;
        }
        Set<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
        if (ACCESS.hasAccess(target, auth, role -> roles.contains("ROLE_" + role))) {
            event.forwardTo(SecondFactorView.class);
        }
    }
}
