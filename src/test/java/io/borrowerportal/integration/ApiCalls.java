package io.borrowerportal.integration;

import io.borrowerportal.SignIn;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls to the running portal's API over real HTTP, as a servicing system makes them, and the checks every error
 * answer must pass: a problem detail with its status, a title and a detail, and nothing of the server's insides.
 */
public final class ApiCalls {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final JsonMapper json;

    public ApiCalls(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    /** A new API client issued by the demo admin, named without long digit runs (the card-data scan reads names). */
    public static IssuedApiClient issue(ApiClients clients, UserDetailsService users, ApiScope scope,
                                        LocalDate expiresOn) {
        SignIn.as(users, "admin@example.com");
        try {
            return clients.issue("Test servicer " + Long.toString(System.nanoTime(), 36), scope, expiresOn);
        } finally {
            SignIn.out();
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET());
    }

    public HttpResponse<String> put(String path, String key, String body) throws IOException, InterruptedException {
        return send("PUT", path, key, body);
    }

    public HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
        return send("POST", path, key, body);
    }

    public HttpResponse<String> send(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's problem detail, after checking that it is one, with this status. */
    public JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "io.borrowerportal", "tools.jackson");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    /** The fields a problem detail names, in its order. */
    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
