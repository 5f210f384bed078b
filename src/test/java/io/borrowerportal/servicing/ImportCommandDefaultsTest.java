package io.borrowerportal.servicing;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Started to import, the portal runs no jobs and leaves its port free, unless the command line says otherwise. */
class ImportCommandDefaultsTest {

    @Test
    void an_import_switches_the_jobs_off_and_takes_a_free_port() {
        StandardEnvironment environment = started("--portal.import=/data/first-load");
        assertThat(environment.getProperty("portal.jobs.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("server.port")).isEqualTo("0");
    }

    @Test
    void the_command_line_still_wins() {
        StandardEnvironment environment = started("--portal.import=/data/first-load", "--server.port=8081");
        assertThat(environment.getProperty("server.port")).isEqualTo("8081");
    }

    @Test
    void without_an_import_nothing_changes() {
        StandardEnvironment environment = started("--server.address=127.0.0.1");
        assertThat(environment.getPropertySources().contains(ImportCommandDefaults.SOURCE)).isFalse();
        assertThat(environment.getProperty("portal.jobs.enabled")).isEqualTo("true");
    }

    private static StandardEnvironment started(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        environment.getPropertySources().addLast(new org.springframework.core.env.MapPropertySource("application",
                Map.of("portal.jobs.enabled", "true", "server.port", "8080")));
        new ImportCommandDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
