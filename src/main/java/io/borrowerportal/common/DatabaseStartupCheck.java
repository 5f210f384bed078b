package io.borrowerportal.common;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens one connection as soon as the data source exists, before migrations and the connection pool
 * try and bury the cause in a page of stack traces. A failure ends start-up with
 * {@link DatabaseUnavailableException}, which {@link DatabaseFailureAnalyzer} prints as one line.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseStartupCheck {

    @Bean
    static BeanPostProcessor databaseReachableCheck(org.springframework.beans.factory.ObjectProvider<DataSourceProperties> properties,
                                                    Environment environment) {
        // The mariadb profile sets it: a production database has a password, and PORTAL_DB_PASSWORD has no default.
        boolean passwordRequired = environment.getProperty("portal.db.password-required", Boolean.class, false);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource) {
                    String url = properties.getIfAvailable() == null ? "(unknown)" : properties.getIfAvailable().determineUrl();
                    String password = properties.getIfAvailable() == null ? null : properties.getIfAvailable().getPassword();
                    if (passwordRequired && (password == null || password.isBlank())) {
                        throw new DatabaseUnavailableException(url, "PORTAL_DB_PASSWORD is not set; the 'mariadb' profile "
                                + "takes the database password from it and has no default");
                    }
                    try (Connection connection = dataSource.getConnection()) {
                        connection.isValid(5);
                    } catch (SQLException e) {
                        throw new DatabaseUnavailableException(url, rootMessage(e));
                    }
                }
                return bean;
            }
        };
    }

    private static String rootMessage(Throwable throwable) {
        Throwable root = throwable;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
