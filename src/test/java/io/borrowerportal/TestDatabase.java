package io.borrowerportal;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Chooses the database of the service tests. {@code -Dportal.test.db=mariadb} requires the MariaDB
 * at 127.0.0.1:3306 (CI); {@code h2} uses in-memory H2; the default uses MariaDB when one answers and
 * H2 otherwise. The choice is printed and written to target/portal-test-db.txt, which CI checks.
 * {@code -Dportal.test.db.name} names the database (default {@code portal_test}), so two work trees can
 * run their suites at once on one server.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    static final String NAME = databaseName();
    static final String MARIADB_URL = MARIADB_SERVER + NAME;
    static final String H2_URL = "jdbc:h2:mem:" + NAME + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    private static volatile String mode;

    /** The test database's name, on MariaDB or H2. */
    public static String name() {
        return NAME;
    }

    public static synchronized String mode() {
        if (mode == null) {
            mode = resolve();
            String url = "mariadb".equals(mode) ? MARIADB_URL : H2_URL;
            System.out.println("[portal-test] Service tests run on " + ("mariadb".equals(mode) ? "MariaDB" : "H2") + " (" + url + ")");
            try {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "portal-test-db.txt"), mode + System.lineSeparator());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mode;
    }

    private static String resolve() {
        String wanted = System.getProperty("portal.test.db", "auto");
        if ("h2".equals(wanted)) {
            return "h2";
        }
        try (Connection connection = DriverManager.getConnection(MARIADB_SERVER, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + NAME + " CHARACTER SET utf8mb4");
            return "mariadb";
        } catch (SQLException e) {
            if ("mariadb".equals(wanted)) {
                throw new IllegalStateException("portal.test.db=mariadb but MariaDB at " + MARIADB_SERVER
                        + " is not reachable: " + e.getMessage(), e);
            }
            return "h2";
        }
    }

    private static String databaseName() {
        String name = System.getProperty("portal.test.db.name", "");
        if (name.isBlank()) {
            return "portal_test";
        }
        if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalStateException("portal.test.db.name must be lower-case letters, digits and _: " + name);
        }
        return name;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        boolean mariadb = "mariadb".equals(mode());
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", mariadb ? MARIADB_URL : H2_URL,
                "spring.datasource.username", mariadb ? "root" : "sa",
                "spring.datasource.password", ""));
        if (mariadb) {
            // As production runs it (application-mariadb.properties).
            properties.put("spring.datasource.hikari.data-source-properties.useServerPrepStmts", "true");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portal-test-db", properties));
    }
}
