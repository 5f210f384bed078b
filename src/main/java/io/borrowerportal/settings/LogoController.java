package io.borrowerportal.settings;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Optional;

/**
 * Serves the lender's logo at {@link WebsiteSettings#LOGO_PATH}, to anyone (the sign-in page shows it). Only a logo
 * that passed {@link LogoFile}'s checks is ever stored; it is still served so that a browser never treats it as
 * anything else (nosniff) and, for an SVG opened on its own, can run nothing and load nothing (decision 024).
 * The address carries the logo's version ({@code ?v=}), and the ETag lets a browser keep it until it changes.
 */
@RestController
class LogoController {

    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private final SettingsService settings;

    LogoController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping(WebsiteSettings.LOGO_PATH)
    void logo(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch,
              HttpServletResponse response) throws IOException {
        Optional<Logo> found = settings.logo();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Logo logo = found.get();
        String etag = "\"" + logo.version() + "\"";
        response.setHeader("ETag", etag);
        if (logo.svg()) {
            // Replaces the pages' policy (setHeader): the SVG needs no script, font or connection of any kind.
            response.setHeader("Content-Security-Policy", SVG_POLICY);
        }
        if (etag.equals(ifNoneMatch)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] content = logo.content();
        response.setContentType(logo.contentType());
        response.setHeader("Content-Disposition", "inline; filename=\"logo." + (logo.svg() ? "svg" : "png") + "\"");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
