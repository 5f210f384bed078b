package io.borrowerportal.common;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.mock.env.MockEnvironment;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The production database needs a password from the environment, and its absence is said in one line. */
class DatabaseStartupCheckTest {

    private static BeanPostProcessor check(String password, boolean required) {
        DataSourceProperties properties = new DataSourceProperties();
        properties.setUrl("jdbc:mariadb://db.lender.internal:3306/portal");
        properties.setPassword(password);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("dataSourceProperties", properties);
        MockEnvironment environment = new MockEnvironment().withProperty("portal.db.password-required", String.valueOf(required));
        return DatabaseStartupCheck.databaseReachableCheck(beans.getBeanProvider(DataSourceProperties.class), environment);
    }

    @Test
    void with_the_mariadb_profile_an_unset_password_stops_the_start_naming_PORTAL_DB_PASSWORD() {
        DataSource dataSource = mock(DataSource.class);

        assertThatThrownBy(() -> check("", true).postProcessAfterInitialization(dataSource, "dataSource"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("PORTAL_DB_PASSWORD is not set");
        verifyNoInteractions(dataSource);
    }

    @Test
    void with_a_password_it_goes_on_to_connect() throws Exception {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(mock(Connection.class));

        assertThatCode(() -> check("from-the-vault", true).postProcessAfterInitialization(dataSource, "dataSource"))
                .doesNotThrowAnyException();
    }

    @Test
    void the_embedded_database_needs_no_password() throws Exception {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(mock(Connection.class));

        assertThatCode(() -> check("", false).postProcessAfterInitialization(dataSource, "dataSource"))
                .doesNotThrowAnyException();
    }
}
