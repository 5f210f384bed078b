package io.borrowerportal.base;

import io.borrowerportal.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Text goes out gzipped to a browser that asks for it, over real HTTP, signed out as a first visit is. */
class CompressionTest extends ServiceTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_sign_in_page_and_the_theme_css_go_out_gzipped_and_whole() throws Exception {
        for (String path : new String[]{"/login", "/lumo/lumo.css"}) {
            HttpResponse<byte[]> plain = get(path, null);
            HttpResponse<byte[]> zipped = get(path, "gzip");
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(zipped.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
            assertThat(zipped.body().length).as(path).isLessThan(plain.body().length / 2);
            String unzipped = gunzip(zipped.body());
            assertThat(unzipped).as(path).hasSize(new String(plain.body(), StandardCharsets.UTF_8).length());
        }
    }
}
