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
    void the_sign_in_page_and_the_stylesheets_go_out_gzipped_and_whole() throws Exception {
        // The sign-in page is a small page of its own now (decision 043): gzip saves less on it than on a stylesheet.
        assertGzippedAndWhole("/login", 0.75);
        for (String path : new String[]{"/portal/sign-in.css", "/lumo/lumo.css"}) {
            assertGzippedAndWhole(path, 0.5);
        }
    }

    private void assertGzippedAndWhole(String path, double atMost) throws Exception {
        HttpResponse<byte[]> plain = get(path, null);
        HttpResponse<byte[]> zipped = get(path, "gzip");
        assertThat(plain.statusCode()).as(path).isEqualTo(200);
        assertThat(zipped.statusCode()).as(path).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
        assertThat(zipped.body().length).as(path).isLessThan((int) (plain.body().length * atMost));
        String unzipped = gunzip(zipped.body());
        assertThat(unzipped).as(path).hasSize(new String(plain.body(), StandardCharsets.UTF_8).length());
    }
}
