package io.borrowerportal;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Every test context starts from an empty schema: clean, migrate, then the demo data and
 * {@link TenYearBorrower} load. Its business clock is a {@link TestClock}, which tests may move.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    TenYearBorrower tenYearBorrower(CustomerService customers, LoanServicing servicing) {
        return new TenYearBorrower(customers, servicing);
    }

    @Bean
    @Primary
    TestClock testClock(@Qualifier("clock") Clock clock) {
        return new TestClock(clock);
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
