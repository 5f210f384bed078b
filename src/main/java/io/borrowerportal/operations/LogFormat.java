package io.borrowerportal.operations;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code LOG_FORMAT=json} (environment or property) turns on Spring Boot's structured logging for the console and
 * the log file: one JSON object per line in the Elastic Common Schema, which Loki, Elasticsearch and most log
 * shippers read as they are. The MDC goes with each line, so every line of a request carries its
 * {@code request.id} ({@link RequestIds}) and every line of a scheduled job its {@code job.id} ({@link JobIds}).
 * Any other value, or none, keeps the plain text format. Runs before the logging system starts, and an explicit
 * {@code logging.structured.format.*} still wins.
 */
class LogFormat implements EnvironmentPostProcessor {

    static final String SOURCE = "portalLogFormat";
    static final String JSON = "json";
    static final String SCHEMA = "ecs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("LOG_FORMAT", environment.getProperty("log.format", ""));
        if (!JSON.equals(format.trim().toLowerCase(Locale.ROOT))) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "logging.structured.format.console", SCHEMA,
                "logging.structured.format.file", SCHEMA)));
    }
}
