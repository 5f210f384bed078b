package io.borrowerportal.settings;

import io.borrowerportal.Application;
import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.time.Duration;

import static io.borrowerportal.Polling.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database (decision 025): the test context and a second application context started here
 * with the same datasource, each with the production refresh interval. A change saved on one node is in force
 * on the other within {@link #GUARANTEE}, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsPropagationTest extends ServiceTest {

    /** What decision 025 and the README promise: one refresh interval (2 s), plus a second for the read. */
    static final Duration GUARANTEE = Duration.ofSeconds(3);

    @Autowired
    SettingsService settings;
    @Autowired
    SettingsRefresh refresh;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    private ConfigurableApplicationContext otherNode;
    private PaymentSettings before;

    @BeforeAll
    void startSecondNode() {
        // Vaadin's security configuration installs its own holder strategy in the static SecurityContextHolder
        // as a context starts; the test context's services read sign-ins through the one it installed.
        SecurityContextHolderStrategy ours = SecurityContextHolder.getContextHolderStrategy();
        try {
            otherNode = startNode();
        } finally {
            SecurityContextHolder.setContextHolderStrategy(ours);
        }
    }

    private ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.SERVLET)
                .logStartupInfo(false)
                .profiles("test")
                .run("--server.port=0", "--management.server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        // The schema and demo data are the test context's: this node only joins them.
                        "--spring.flyway.enabled=false",
                        "--portal.demo-data=false",
                        "--spring.main.banner-mode=off");
    }


    @AfterAll
    void stopSecondNode() {
        SecurityContextHolderStrategy ours = SecurityContextHolder.getContextHolderStrategy();
        try {
            if (otherNode != null) {
                otherNode.close();
            }
        } finally {
            SecurityContextHolder.setContextHolderStrategy(ours);
        }
    }

    @AfterEach
    void restore() {
        if (before != null) {
            SignIn.as(users, "admin@example.com");
            settings.updatePayments(before);
            SignIn.out();
            before = null;
        }
    }

    @Test
    void both_nodes_refresh_at_the_production_interval() {
        assertThat(refresh.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(otherNode.getBean(SettingsRefresh.class).interval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void payments_switched_off_by_an_admin_on_one_node_are_off_on_the_other_within_the_guarantee() {
        SettingsService other = otherNode.getBean(SettingsService.class);
        before = settings.payments();
        assertThat(other.payments().enabled()).isTrue();

        SignIn.as(users, "admin@example.com");
        settings.updatePayments(before.withEnabled(false, before.profilesEnabled()));
        long savedAt = System.nanoTime();
        SignIn.out();

        Duration took = within(GUARANTEE, () -> !other.payments().enabled());
        System.out.println("[settings-propagation] the other node saw payments switched off after " + took.toMillis() + " ms");
        assertThat(took).isLessThanOrEqualTo(GUARANTEE);
        assertThat(Duration.ofNanos(System.nanoTime() - savedAt)).isLessThanOrEqualTo(GUARANTEE.plusMillis(200));

        SignIn.as(users, "admin@example.com");
        settings.updatePayments(before);
        SignIn.out();
        assertThat(within(GUARANTEE, () -> other.payments().enabled())).isLessThanOrEqualTo(GUARANTEE);
        before = null;
    }

    @Test
    void a_change_written_straight_to_the_row_reaches_both_nodes_and_every_group_of_settings() {
        SettingsService other = otherNode.getBean(SettingsService.class);
        before = settings.payments();
        String lender = settings.current().lenderName();
        assertThat(lender).isNotEqualTo("Renamed Lender");

        // As another node's save does it: the values and the version in one committed update.
        jdbc.sql("UPDATE lender_settings SET payments_enabled = FALSE, lender_name = 'Renamed Lender', "
                + "version = version + 1 WHERE id = 1").update();
        try {
            assertThat(within(GUARANTEE, () -> !settings.payments().enabled()
                    && "Renamed Lender".equals(settings.current().lenderName()))).isLessThanOrEqualTo(GUARANTEE);
            assertThat(within(GUARANTEE, () -> !other.payments().enabled()
                    && "Renamed Lender".equals(other.current().lenderName()))).isLessThanOrEqualTo(GUARANTEE);
        } finally {
            jdbc.sql("UPDATE lender_settings SET payments_enabled = :on, lender_name = :name, version = version + 1 "
                    + "WHERE id = 1").param("on", before.enabled()).param("name", lender).update();
            before = null;
        }
        assertThat(within(GUARANTEE, () -> settings.payments().enabled() && lender.equals(settings.current().lenderName())))
                .isLessThanOrEqualTo(GUARANTEE);
        assertThat(within(GUARANTEE, () -> other.payments().enabled() && lender.equals(other.current().lenderName())))
                .isLessThanOrEqualTo(GUARANTEE);
    }

    @Test
    void an_unchanged_version_keeps_the_cached_values() {
        settings.payments();
        long version = jdbc.sql("SELECT version FROM lender_settings WHERE id = 1").query(Long.class).single();
        settings.reloadIfChanged(version);
        PaymentSettings cached = settings.payments();

        settings.reloadIfChanged(version);

        assertThat(settings.payments()).isSameAs(cached);
        settings.reloadIfChanged(version + 1);
        assertThat(settings.payments()).isNotSameAs(cached).isEqualTo(cached);
    }
}
