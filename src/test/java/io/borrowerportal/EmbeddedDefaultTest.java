package io.borrowerportal;

import io.borrowerportal.integration.ApiClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first-run command, {@code ./mvnw spring-boot:run}, on its own database: the embedded H2 file database with
 * the demo data, whatever database the other suites use. Every migration runs on H2 and Hibernate validates the
 * schema there, so a column type H2 reads differently from MariaDB stops this test instead of the first run.
 */
class EmbeddedDefaultTest {

    @Test
    void the_portal_starts_on_the_embedded_h2_file_database_with_the_demo_data_and_serves_sign_in(@TempDir Path data)
            throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("portal") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=FALSE";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=" + url,
                "--portal.demo-data=true",
                "--portal.api.docs-public=true",
                "--server.port=0",
                "--management.server.port=0",
                "--server.servlet.session.cookie.secure=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from customers where email = 'jane.borrower@example.com'",
                    Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from lender_settings", Integer.class)).isEqualTo(1);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> login = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);

            // The README's curl session: the demo API client's published key reads a demo loan's figures (decision 028).
            HttpResponse<String> figures = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/loans/AUTO-100482/figures"))
                            .header("Authorization", "Bearer " + ApiClients.DEMO_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
            assertThat(figures.body()).contains("\"loanNumber\":\"AUTO-100482\"", "\"payoffAmount\":");

            // The embedded default publishes the API's OpenAPI document to everyone (pom.xml sets portal.api.docs-public).
            HttpResponse<String> docs = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs.yaml")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body()).contains("/api/v1/customers/{externalId}:");
        }
    }
}
