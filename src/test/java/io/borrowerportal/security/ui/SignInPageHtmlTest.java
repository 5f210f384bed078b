package io.borrowerportal.security.ui;

import io.borrowerportal.settings.SummaryField;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The page as written, without a server: what every setting becomes in the HTML. */
class SignInPageHtmlTest {

    private static WebsiteSettings settings(String lenderName, String colour) {
        return new WebsiteSettings(lenderName, "+1 (800) <555>", "help&support@example.com", colour, LocalTime.NOON,
                EnumSet.allOf(SummaryField.class), true, true, true, true, true, true, 30);
    }

    @Test
    void every_setting_is_escaped() {
        String html = SignInPage.render(settings("<script>alert('x')</script> & \"Co\"", "#1f5fa8"), Set.of(), null, List.of());

        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')")
                .contains("<h1 class=\"login-lender\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</h1>")
                .contains("Questions? Call +1 (800) &lt;555&gt; or write to help&amp;support@example.com.");
    }

    @Test
    void the_lenders_logo_is_shown_when_there_is_one() {
        WebsiteSettings plain = settings("Lender", "#1f5fa8");
        WebsiteSettings withLogo = new WebsiteSettings(plain.lenderName(), plain.supportPhone(), plain.supportEmail(),
                plain.primaryColor(), plain.cutoffTime(), plain.summaryFields(), true, true, true, true, true, true, 30,
                ZoneId.of("America/New_York"), "0a1b2c3d");

        assertThat(SignInPage.render(withLogo, Set.of(), null, List.of()))
                .contains("<img id=\"lender-logo\" class=\"login-logo\" src=\"branding/logo?v=0a1b2c3d\" alt=\"\">");
        assertThat(SignInPage.render(plain, Set.of(), null, List.of())).doesNotContain("lender-logo");
    }

    @Test
    void the_lenders_colour_is_used_and_anything_but_a_colour_is_ignored() {
        assertThat(SignInPage.render(settings("Lender", "#0b6e4f"), Set.of(), null, List.of()))
                .contains("<html lang=\"en\" style=\"--portal-brand: #0b6e4f\">");
        assertThat(SignInPage.render(settings("Lender", "red; background: url(x)"), Set.of(), null, List.of()))
                .contains("<html lang=\"en\">").doesNotContain("--portal-brand").doesNotContain("url(x)");
    }

    @Test
    void the_form_carries_the_csrf_field_by_its_parameter_name() {
        String html = SignInPage.render(settings("Lender", "#1f5fa8"), Set.of(), new DefaultCsrfToken("X-CSRF", "_csrf", "a\"b"), List.of());

        assertThat(html).contains("<form class=\"login-form\" method=\"post\" action=\"login\">")
                .contains("<input type=\"hidden\" name=\"_csrf\" value=\"a&quot;b\">");
    }

    @Test
    void the_bundles_files_are_prefetched_and_the_page_has_no_script() {
        String html = SignInPage.render(settings("Lender", "#1f5fa8"), Set.of(), null,
                List.of("VAADIN/build/indexhtml-BNp73Egs.js", "lumo/lumo.css"));

        assertThat(html).contains("<link rel=\"prefetch\" href=\"VAADIN/build/indexhtml-BNp73Egs.js\" as=\"script\" crossorigin>")
                .contains("<link rel=\"prefetch\" href=\"lumo/lumo.css\" as=\"style\" crossorigin>")
                .doesNotContain("<script");
    }

    @Test
    void one_error_for_every_refusal_announced_and_tied_to_the_fields() {
        String html = SignInPage.render(settings("Lender", "#1f5fa8"), Set.of("error"), null, List.of());

        assertThat(html).contains("<div id=\"login-error\" class=\"login-error\" role=\"alert\"><strong>Incorrect email or password</strong>"
                        + " Check your email and password and try again.</div>")
                .contains("autocomplete=\"username\" required autofocus aria-describedby=\"login-error\" aria-invalid=\"true\">");
        assertThat(SignInPage.render(settings("Lender", "#1f5fa8"), Set.of(), null, List.of()))
                .doesNotContain("login-error").doesNotContain("aria-invalid");
    }
}
