package io.borrowerportal.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links to the portal for email, from {@code portal.public-url} (the address customers type, behind
 * whatever proxy; default {@code http://localhost:8080}). An email is read outside the browser, so a link in it
 * can never be relative, and the address must not come from a request's Host header, which a client chooses.
 */
@Component
public class PortalLinks {

    private final String base;

    PortalLinks(@Value("${portal.public-url:http://localhost:8080}") String publicUrl) {
        String trimmed = publicUrl.strip();
        this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The absolute address of a portal path such as {@code reset-password?token=...}. */
    public String to(String path) {
        return base + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }
}
