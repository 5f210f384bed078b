package io.borrowerportal.integration;

import io.borrowerportal.PortalTest;
import io.borrowerportal.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The API's OpenAPI document (decision 028): not public in the test profile (only the embedded default sets
 * {@code portal.api.docs-public}, tested by {@code EmbeddedDefaultTest}), so anonymous callers get 401 and no redirect,
 * a customer's session 403, an admin's session the document; and the committed {@code docs/api/openapi.yaml} is the
 * document the code describes. Regenerate it with
 * {@code ./mvnw verify -Dtest=ApiDocsTest -Dportal.api.write-docs=true ...} (README, "API").
 */
@PortalTest
class ApiDocsTest {

    static final Path COMMITTED = Path.of("docs", "api", "openapi.yaml");
    static final String WRITE = "portal.api.write-docs";

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void anonymous_callers_get_401_without_a_redirect() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/api/docs", "/api/docs.yaml")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.body()).doesNotContain("openapi");
        }
    }

    @Test
    void a_customers_session_is_refused_and_an_admins_session_reads_the_document() throws Exception {
        assertThat(mvc.perform(get("/api/docs").session(session(Role.CUSTOMER))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        MvcResult admin = mvc.perform(get("/api/docs").session(session(Role.ADMIN))).andReturn();

        assertThat(admin.getResponse().getStatus()).isEqualTo(200);
        String document = admin.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(document).contains("\"/api/v1/customers/{externalId}\"", "\"/api/v1/loans/{loanNumber}/ledger-entries\"",
                "\"/api/v1/events\"", "\"bearer\"", "\"url\":\"/\"");
        assertThat(document).as("only /api/v1, and not the tests' probe").doesNotContain("/api/docs", "test-probe", "/staff");
    }

    @Test
    void the_committed_openapi_yaml_is_the_document_the_code_describes() throws Exception {
        MvcResult result = mvc.perform(get("/api/docs.yaml").session(session(Role.ADMIN))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String served = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertThat(served).as("docs/api/openapi.yaml is not the API the code describes. Regenerate it with "
                + "./mvnw -B -ntp verify -Dtest=ApiDocsTest -D" + WRITE + "=true (and the usual test options, see the "
                + "README's API section), review the diff and commit it.").isEqualTo(committed);
    }

    private static MockHttpSession session(String role) {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(role.toLowerCase() + "@example.com", null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
        return session;
    }
}
