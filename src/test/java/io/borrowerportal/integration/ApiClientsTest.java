package io.borrowerportal.integration;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing, listing and revoking API clients: admins only, the key kept only as its hash, each change audited. */
class ApiClientsTest extends ServiceTest {

    @Autowired
    ApiClients apiClients;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    Clock clock;

    @Test
    void an_issued_key_is_returned_once_and_only_its_hash_is_stored_and_the_issue_is_audited() {
        SignIn.as(users, "admin@example.com");
        String name = "LoanPro " + Long.toString(System.nanoTime(), 36);

        IssuedApiClient issued = apiClients.issue(name, ApiScope.WRITE, null);

        ApiKeys.ParsedKey key = ApiKeys.parse(issued.key()).orElseThrow();
        String stored = jdbc.sql("select secret_sha256 from api_clients where id = :id").param("id", issued.client().id())
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeys.hash(key.secret())).doesNotContain(key.secret());
        assertThat(issued.client().publicId()).isEqualTo(key.publicId());
        assertThat(issued.client().status()).isEqualTo(ApiClientStatus.ACTIVE);
        assertThat(issued.client().createdBy()).isEqualTo("admin@example.com");
        assertThat(issued.toString()).doesNotContain(key.secret());
        assertThat(apiClients.clients()).filteredOn(c -> c.id() == issued.client().id()).singleElement()
                .satisfies(c -> assertThat(c.toString()).doesNotContain(key.secret(), stored));
        assertThat(audit("API_CLIENT_ISSUED", name)).isEqualTo(1);
    }

    @Test
    void revoking_is_audited_once_and_final() {
        SignIn.as(users, "admin@example.com");
        String name = "Revoked " + Long.toString(System.nanoTime(), 36);
        long id = apiClients.issue(name, ApiScope.READ, null).client().id();

        ApiClientSummary revoked = apiClients.revoke(id);
        apiClients.revoke(id);

        assertThat(revoked.status()).isEqualTo(ApiClientStatus.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo("admin@example.com");
        assertThat(audit("API_CLIENT_REVOKED", name)).isEqualTo(1);
    }

    @Test
    void a_blank_name_or_a_past_last_day_is_refused_naming_the_field() {
        SignIn.as(users, "admin@example.com");
        assertThatThrownBy(() -> apiClients.issue("  ", ApiScope.READ, null))
                .isInstanceOfSatisfying(ApiClientRefusedException.class, e -> assertThat(e.field()).isEqualTo(ApiClients.NAME));
        assertThatThrownBy(() -> apiClients.issue("Yesterday's", ApiScope.READ, LocalDate.now(clock).minusDays(1)))
                .isInstanceOfSatisfying(ApiClientRefusedException.class, e -> assertThat(e.field()).isEqualTo(ApiClients.EXPIRES));
        assertThat(jdbc.sql("select count(*) from api_clients where name = 'Yesterday''s'").query(Integer.class).single()).isZero();
    }

    @Test
    void staff_who_are_not_admins_customers_and_a_staff_preview_are_refused_in_the_service() {
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> apiClients.issue("By staff", ApiScope.READ, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apiClients.clients()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> apiClients.revoke(1)).isInstanceOf(AccessDeniedException.class);

        SignIn.as(users, "jane.borrower@example.com");
        assertThatThrownBy(() -> apiClients.issue("By Jane", ApiScope.READ, null)).isInstanceOf(AccessDeniedException.class);

        long jane = SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
        SignIn.as(users, "admin@example.com");
        List<Object> saved = new ArrayList<>();
        previews.start(jane, saved::add);
        assertThatThrownBy(() -> apiClients.issue("In a preview", ApiScope.WRITE, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from api_clients where name in ('By staff', 'By Jane', 'In a preview')")
                .query(Integer.class).single()).isZero();
    }

    private int audit(String action, String name) {
        return jdbc.sql("select count(*) from audit_events where action = :action and detail like :name")
                .param("action", action).param("name", "%" + name + "%").query(Integer.class).single();
    }
}
