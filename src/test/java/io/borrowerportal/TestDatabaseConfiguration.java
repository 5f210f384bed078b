package io.borrowerportal;

import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.customer.CustomerService;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every test context starts from an empty schema: clean, migrate, then the demo data and
 * {@link TenYearBorrower} load.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    @Bean
    TenYearBorrower tenYearBorrower(CustomerService customers, LoanServicing servicing) {
        return new TenYearBorrower(customers, servicing);
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
