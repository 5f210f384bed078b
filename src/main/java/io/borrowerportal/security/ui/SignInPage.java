package io.borrowerportal.security.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.server.AppShellRegistry;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * One sign-in page for customers and staff, written on the server as plain HTML (decision 043). A Vaadin page
 * would first start Vaadin's client, which takes a phone's slow CPU seconds before the form shows; this page paints
 * at once and prefetches that client for the page after it while the borrower types. Spring MVC answers
 * {@code GET /login} ahead of Vaadin, whose handler mapping comes last; the form posts to Spring Security's sign-in.
 */
@Controller
public class SignInPage {

    /** The sign-in page's address, and Spring Security's sign-in URL. */
    public static final String PATH = "/login";
    /** After a wrong password, a locked account or too many attempts: one message for all (decision 017). */
    public static final String ERROR = "error";
    /** After a sign-in post whose form was too old to carry a valid CSRF token (the session behind it ended). */
    public static final String EXPIRED = "expired";

    /** The access pages' notices; they live in a module above this one, so the words meet here by address. */
    enum Notice {
        ACTIVATED("activated", "Your account is active. Sign in with your new password.", "login-notice"),
        PASSWORD_RESET("password-reset", "Your password was changed. Sign in with your new password.", "login-notice"),
        FORM_EXPIRED(EXPIRED, "The sign-in page was open too long, so nothing was sent. Please sign in again.",
                "login-notice login-notice-warning");

        final String parameter;
        final String text;
        final String classes;

        Notice(String parameter, String text, String classes) {
            this.parameter = parameter;
            this.text = text;
            this.classes = classes;
        }
    }

    static final String ERROR_TITLE = "Incorrect email or password";
    static final String ERROR_MESSAGE = "Check your email and password and try again.";
    /** The settings editor allows only this form (and a colour white text is legible on); anything else is ignored. */
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String CONTEXT = "context://";

    private final SettingsService settingsService;
    private final ServletContext servletContext;
    private volatile List<String> prefetch;

    SignInPage(SettingsService settingsService, ServletContext servletContext) {
        this.settingsService = settingsService;
        this.servletContext = servletContext;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        Set<String> parameters = request.getParameterMap().keySet();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String html = render(settingsService.current(), parameters, csrf, prefetch());
        // Spring Security's headers already forbid caching: the page carries this session's CSRF token.
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    /**
     * In production mode, the bundle's files and the app shell's stylesheets (the theme and portal.css), read on the
     * first visit; nothing in development mode, whose bundle is another.
     */
    private List<String> prefetch() {
        List<String> files = prefetch;
        if (files == null) {
            VaadinServletContext context = new VaadinServletContext(servletContext);
            files = productionMode(context)
                    ? Stream.concat(BundlePrefetch.read(SignInPage.class.getClassLoader(), BundlePrefetch.WEBAPP).stream(),
                    shellStyleSheets(context).stream()).distinct().toList()
                    : List.of();
            prefetch = files;
        }
        return files;
    }

    private static boolean productionMode(VaadinServletContext context) {
        try {
            return ApplicationConfiguration.get(context).isProductionMode();
        } catch (RuntimeException noVaadin) {
            return false;
        }
    }

    /** The application's own stylesheets, which every Vaadin page links; only those it serves itself. */
    private static List<String> shellStyleSheets(VaadinServletContext context) {
        Class<?> shell = AppShellRegistry.getInstance(context).getShell();
        if (shell == null) {
            return List.of();
        }
        return Arrays.stream(shell.getAnnotationsByType(StyleSheet.class)).map(StyleSheet::value)
                .map(path -> path.startsWith(CONTEXT) ? path.substring(CONTEXT.length()) : path)
                .filter(path -> !path.contains(":") && !path.startsWith("//"))
                .map(path -> path.replaceFirst("^\\.?/", ""))
                .toList();
    }

    /**
     * The page: relative addresses throughout, so it works under any context path. Everything from the settings is
     * escaped, since admins type it and the page is the one every visitor sees first.
     */
    static String render(WebsiteSettings settings, Set<String> parameters, CsrfToken csrf, List<String> prefetch) {
        boolean error = parameters.contains(ERROR);
        String notices = Arrays.stream(Notice.values()).filter(n -> parameters.contains(n.parameter))
                .map(n -> "<p id=\"login-notice\" class=\"" + n.classes + "\" role=\"status\">" + htmlEscape(n.text) + "</p>\n")
                .findFirst().orElse("");
        String brand = settings.primaryColor() != null && COLOUR.matcher(settings.primaryColor().strip()).matches()
                ? " style=\"--portal-brand: " + htmlEscape(settings.primaryColor().strip()) + "\"" : "";
        String links = prefetch.stream()
                .map(file -> "<link rel=\"prefetch\" href=\"" + htmlEscape(file) + "\" as=\""
                        + (file.endsWith(".css") ? "style" : "script") + "\" crossorigin>")
                .collect(Collectors.joining("\n"));
        String logo = settings.hasLogo()
                ? "<img id=\"lender-logo\" class=\"login-logo\" src=\"" + htmlEscape(settings.logoPath()) + "\" alt=\"\">\n" : "";
        String errorBlock = error
                ? "<div id=\"login-error\" class=\"login-error\" role=\"alert\"><strong>" + htmlEscape(ERROR_TITLE)
                        + "</strong> " + htmlEscape(ERROR_MESSAGE) + "</div>\n" : "";
        String described = error ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "";
        String csrfField = csrf == null ? ""
                : "<input type=\"hidden\" name=\"" + htmlEscape(csrf.getParameterName()) + "\" value=\""
                        + htmlEscape(csrf.getToken()) + "\">\n";
        return """
                <!DOCTYPE html>
                <html lang="en"%s>
                <head>
                <meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sign in</title>
                <link rel="stylesheet" href="portal/sign-in.css">
                %s
                </head>
                <body>
                <main class="login-page">
                <div class="login-card">
                %s<h1 class="login-lender">%s</h1>
                %s<form class="login-form" method="post" action="login">
                <h2>Sign in</h2>
                %s%s<label for="username">Email</label>
                <input id="username" name="username" type="email" autocomplete="username" required autofocus%s>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required%s>
                <button id="login-submit" type="submit">Sign in</button>
                <a id="login-forgot-password" class="login-forgot" href="forgot-password">Forgot password?</a>
                </form>
                <a id="login-activate" class="login-activate" href="activate">First time here? Activate your account</a>
                <p class="login-help">Questions? Call %s or write to %s.</p>
                </div>
                </main>
                </body>
                </html>
                """.formatted(brand, links, logo, htmlEscape(settings.lenderName()), notices, errorBlock, csrfField,
                described, described, htmlEscape(settings.supportPhone()), htmlEscape(settings.supportEmail()));
    }
}
