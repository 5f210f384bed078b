package io.borrowerportal.settings;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The logo over real HTTP, signed out (the sign-in page shows it): its type, its headers, its cache check. */
class LogoControllerTest extends ServiceTest {

    @LocalServerPort
    int port;
    @Autowired
    SettingsService settings;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void removeTheLogo() {
        SignIn.as(users, SettingsServiceTest.ADMIN);
        SettingsDraft draft = settings.draft();
        draft.setLogo(null);
        settings.save(draft);
    }

    private HttpResponse<byte[]> get(String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/branding/logo?v=x"));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void without_a_logo_the_address_answers_not_found() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(404);
    }

    @Test
    void an_svg_logo_is_served_to_anyone_unable_to_run_or_load_anything() throws Exception {
        SignIn.as(users, SettingsServiceTest.ADMIN);
        byte[] svg = SettingsServiceTest.svg("<rect width=\"10\" height=\"10\" fill=\"#1f5fa8\"/>");
        SettingsDraft draft = settings.draft();
        draft.setLogo(svg);
        settings.save(draft);
        SignIn.out();

        HttpResponse<byte[]> logo = get(null);

        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.body()).isEqualTo(svg);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(logo.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(logo.headers().allValues("Content-Security-Policy")).containsExactly(LogoController.SVG_POLICY);
        String etag = logo.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + LogoFile.version(LogoFile.sha256(svg)) + "\"");

        HttpResponse<byte[]> again = get(etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void a_png_logo_is_served_as_a_png() throws Exception {
        SignIn.as(users, SettingsServiceTest.ADMIN);
        byte[] png = SettingsServiceTest.png(30, 10);
        SettingsDraft draft = settings.draft();
        draft.setLogo(png);
        settings.save(draft);
        SignIn.out();

        HttpResponse<byte[]> logo = get(null);

        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.body()).isEqualTo(png);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }
}
