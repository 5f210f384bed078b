package io.borrowerportal.integration;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A write endpoint for the tests only (test sources, picked up by the shared test context's component scan): the
 * chain, the body limit and the JSON reading are the same for every API endpoint, and this one lets the tests send
 * bodies before the servicing endpoints exist.
 */
@Hidden
@RestController
class ApiProbeController {

    static final String PATH = ApiPaths.BASE + "/test-probe";

    record Probe(@NotBlank @Size(max = 20) String name, @NotNull @Positive BigDecimal amount, String note) {
    }

    static final String FAILURE = PATH + "/failure";
    static final String FAILURE_TEXT = "select secret_sha256 from api_clients";

    /** Fails as an unexpected bug would, with text that must never reach the client. */
    @GetMapping(FAILURE)
    Map<String, Object> failure() {
        throw new IllegalStateException(FAILURE_TEXT);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> probe(@Valid @RequestBody Probe probe) {
        return Map.of("name", probe.name(), "amount", probe.amount());
    }
}
