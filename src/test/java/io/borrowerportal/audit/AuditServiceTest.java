package io.borrowerportal.audit;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditServiceTest extends ServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_edited_row_breaks_the_hash_chain() {
        SignIn.as(users, "admin@example.com");
        audit.record("admin@example.com", "ADMIN", null, null, null, AuditAction.PREFERENCE_CHANGED, "original");
        assertThat(audit.verifyChain()).isTrue();
        Long id = jdbc.queryForObject("select max(id) from audit_events", Long.class);
        jdbc.update("update audit_events set detail = 'tampered' where id = ?", id);
        try {
            assertThat(audit.verifyChain()).isFalse();
        } finally {
            jdbc.update("update audit_events set detail = 'original' where id = ?", id);
        }
        assertThat(audit.verifyChain()).isTrue();
    }

    @Test
    void the_log_filters_by_actor_and_action() {
        SignIn.as(users, "admin@example.com");
        audit.record("someone@example.com", "STAFF", null, null, "AUTO-100482", AuditAction.PREFERENCE_CHANGED, "x");
        assertThat(audit.search(new AuditQuery(null, "someone@example.com", null, AuditAction.PREFERENCE_CHANGED, null, null, 10)))
                .singleElement().satisfies(e -> assertThat(e.loanNumber()).isEqualTo("AUTO-100482"));
    }
}
