package io.borrowerportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a session whose account's password changed after it signed in (a reset, or a change on another
 * device): the session is invalidated and the request goes on signed out, so a page leads to sign-in and
 * Vaadin's client, finding its session gone, reloads into it. During a staff preview the session is the staff
 * member's. Not a bean: Boot would register a bean filter for every request a second time, outside the chain.
 */
final class SessionRevocationFilter extends OncePerRequestFilter {

    private final SignInSessions sessions;

    SessionRevocationFilter(SignInSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            PortalUser account = authentication instanceof PreviewAuthentication preview ? preview.actor()
                    : authentication != null && authentication.getPrincipal() instanceof PortalUser user ? user : null;
            if (account != null && sessions.outdated(session, account)) {
                SecurityContextHolder.clearContext();
                try {
                    session.invalidate();
                } catch (IllegalStateException alreadyInvalidated) {
                    // Another request of the same session got there first.
                }
                sessions.recordEnded(account);
            }
        }
        chain.doFilter(request, response);
    }
}
