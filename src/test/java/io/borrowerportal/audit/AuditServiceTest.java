package io.borrowerportal.audit;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditServiceTest extends ServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditRepository events;
    @Autowired
    AuditChainSeal seal;

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
    void new_rows_are_keyed_and_a_row_recomputed_with_plain_sha256_fails_verification() {
        SignIn.as(users, "admin@example.com");
        audit.record("admin@example.com", "ADMIN", null, null, null, AuditAction.PREFERENCE_CHANGED, "keyed");
        Long id = jdbc.queryForObject("select max(id) from audit_events", Long.class);
        Map<String, Object> row = jdbc.queryForMap("select detail, hash, hash_scheme from audit_events where id = ?", id);
        assertThat(((Number) row.get("hash_scheme")).intValue()).isEqualTo(AuditChain.HMAC_SHA256);
        AuditEvent stored = events.findById(id).orElseThrow();
        AuditEvent forged = new AuditEvent(stored.toRecord().occurredAt(), "admin@example.com", "ADMIN", null, null,
                null, AuditAction.PREFERENCE_CHANGED, "forged");
        // What an attacker with the database but not the key can do: rewrite the row, its hash and the head,
        // in the keyed scheme (guessing the key) or claiming the old one.
        String plain = AuditChain.legacyHash(stored.prevHash(), forged);
        String head = jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
        try {
            jdbc.update("update audit_events set detail = 'forged', hash = ? where id = ?", plain, id);
            jdbc.update("update audit_chain_head set last_hash = ? where id = 1", plain);
            assertThat(audit.verifyChain()).as("plain SHA-256 in a keyed row").isFalse();
            jdbc.update("update audit_events set hash_scheme = ? where id = ?", AuditChain.LEGACY_SHA256, id);
            assertThat(audit.verifyChain()).as("the row claims the old scheme").isFalse();
        } finally {
            jdbc.update("update audit_events set detail = ?, hash = ?, hash_scheme = ? where id = ?", row.get("detail"),
                    row.get("hash"), AuditChain.HMAC_SHA256, id);
            jdbc.update("update audit_chain_head set last_hash = ? where id = 1", head);
        }
        assertThat(audit.verifyChain()).isTrue();
    }

    @Test
    void the_first_start_after_the_upgrade_seals_old_rows_and_later_starts_add_nothing() {
        SignIn.as(users, "admin@example.com");
        audit.record("admin@example.com", "ADMIN", null, null, null, AuditAction.PREFERENCE_CHANGED, "before restart");
        Long before = jdbc.queryForObject("select max(id) from audit_events", Long.class);
        seal.sealRowsOfTheOldScheme();
        assertThat(jdbc.queryForObject("select max(id) from audit_events", Long.class))
                .as("the newest row is keyed: nothing to seal").isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where hash_scheme <> ?", Integer.class,
                AuditChain.HMAC_SHA256)).as("this database never had old-scheme rows").isZero();
    }

    @Test
    void the_log_filters_by_actor_and_action() {
        SignIn.as(users, "admin@example.com");
        audit.record("someone@example.com", "STAFF", null, null, "AUTO-100482", AuditAction.PREFERENCE_CHANGED, "x");
        assertThat(audit.search(new AuditQuery(null, "someone@example.com", null, AuditAction.PREFERENCE_CHANGED, null, null, 10)))
                .singleElement().satisfies(e -> assertThat(e.loanNumber()).isEqualTo("AUTO-100482"));
    }
}
