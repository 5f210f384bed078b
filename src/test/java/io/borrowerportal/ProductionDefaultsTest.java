package io.borrowerportal;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shipped settings do with nothing set in the environment (decision 019). */
class ProductionDefaultsTest {

    /** The settings files as Spring reads them, with the given environment and nothing else. */
    private static PropertySourcesPropertyResolver settings(Map<String, Object> environment, String... files) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new MapPropertySource("environment", environment));
        for (String file : files) {
            sources.addLast(new ResourcePropertySource(new ClassPathResource(file)));
        }
        return new PropertySourcesPropertyResolver(sources);
    }

    /**
     * docker/jvm.options is the argument file README's java -jar command and the Docker image pass (decision 044): a
     * misspelt option would stop the JVM before the portal starts. The JVM running this test reads it, and must have
     * taken every option in it from the command line.
     */
    @Test
    void the_jvm_starts_with_the_production_options_and_takes_each_of_them() throws Exception {
        Path options = Path.of("docker/jvm.options");
        List<String> lines = Files.readAllLines(options).stream().map(line -> line.replaceAll("#.*", "").strip())
                .filter(line -> !line.isEmpty()).toList();
        assertThat(lines).isNotEmpty();

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + options.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        for (String option : lines) {
            Matcher flag = Pattern.compile("-XX:(\\w+)=(\\S+)").matcher(option);
            assertThat(flag.matches()).as("a -XX:Name=value option: " + option).isTrue();
            assertThat(output).containsPattern("\\b" + flag.group(1) + "\\s+= " + Pattern.quote(flag.group(2))
                    + "\\s+\\{[^}]*\\} \\{command line\\}");
        }
    }

    @Test
    void the_mariadb_profile_has_no_default_password_and_requires_one() throws IOException {
        PropertySourcesPropertyResolver mariadb = settings(Map.of(), "application-mariadb.properties", "application.properties");

        assertThat(mariadb.getProperty("spring.datasource.password")).isEmpty();
        assertThat(mariadb.getProperty("portal.db.password-required")).isEqualTo("true");
        assertThat(settings(Map.of("PORTAL_DB_PASSWORD", "from-the-vault"), "application-mariadb.properties")
                .getProperty("spring.datasource.password")).isEqualTo("from-the-vault");
    }

    @Test
    void the_session_cookie_is_secure_unless_turned_off() throws IOException {
        assertThat(settings(Map.of(), "application.properties")
                .getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(settings(Map.of("PORTAL_SECURE_COOKIES", "false"), "application.properties")
                .getProperty("server.servlet.session.cookie.secure")).isEqualTo("false");
    }

    @Test
    void no_demo_data_and_the_proxy_headers_of_trusted_proxies_only() throws IOException {
        PropertySourcesPropertyResolver defaults = settings(Map.of(), "application.properties");

        assertThat(defaults.getProperty("portal.demo-data")).isEqualTo("false");
        assertThat(defaults.getProperty("server.forward-headers-strategy")).isEqualTo("native");
    }

    @Test
    void docker_compose_has_no_default_password() throws IOException {
        for (String file : new String[]{"compose.yaml", "compose-two-nodes.yaml", "compose-monitoring.yaml"}) {
            String compose = Files.readString(Path.of("docker", file));
            Matcher passwords = Pattern.compile("\\$\\{([A-Z_]*(PASSWORD|_KEY))([^}]*)}").matcher(compose);

            int found = 0;
            while (passwords.find()) {
                found++;
                assertThat(passwords.group(3)).as(file + ": " + passwords.group()).startsWith(":?");
            }
            assertThat(found).as("password and key variables in " + file).isGreaterThanOrEqualTo(1);
        }
    }
}
