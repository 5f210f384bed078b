package io.borrowerportal.integration;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two first upserts of one new id racing each other cannot be staged reliably over HTTP: the unique key refuses the
 * second, and the resolver must answer it with a 409 "retry" problem that names neither the constraint nor the SQL.
 */
class ApiExceptionResolverTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ApiExceptionResolver resolver = new ApiExceptionResolver(new ApiProblems(json));

    @Test
    void a_lost_race_for_a_unique_key_is_a_409_retry_problem_without_the_sql() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/customers/LP-1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.resolveException(request, response, null, new DataIntegrityViolationException(
                "Duplicate entry 'LP-1' for key 'uk_servicer_customers_external_id'"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("title").asString()).isEqualTo("Retry");
        assertThat(response.getContentAsString()).doesNotContain("Duplicate", "uk_servicer");
    }

    @Test
    void outside_the_api_it_passes_the_failure_on() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/staff/users");

        assertThat(resolver.resolveException(request, new MockHttpServletResponse(), null,
                new DataIntegrityViolationException("x"))).isNull();
    }
}
