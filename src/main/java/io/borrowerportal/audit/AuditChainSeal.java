package io.borrowerportal.audit;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * On the first start after the audit chain became keyed (decision 020), appends a keyed row after the rows of
 * the old scheme. Its HMAC covers the last old row's hash, which covers all before it, so from then on the old
 * rows cannot be changed or rewritten without the key either; {@link AuditChain#verify} requires the newest row
 * to be keyed.
 */
@Component
class AuditChainSeal {

    private final AuditService audit;
    private final JdbcTemplate jdbc;

    AuditChainSeal(AuditService audit, JdbcTemplate jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealRowsOfTheOldScheme() {
        List<Integer> newest = jdbc.queryForList(
                "select hash_scheme from audit_events where id = (select max(id) from audit_events)", Integer.class);
        if (!newest.isEmpty() && newest.getFirst() == AuditChain.LEGACY_SHA256) {
            Integer legacy = jdbc.queryForObject("select count(*) from audit_events where hash_scheme = ?",
                    Integer.class, AuditChain.LEGACY_SHA256);
            audit.record("system", "SYSTEM", null, null, null, AuditAction.AUDIT_CHAIN_KEYED,
                    "Audit rows from here on are keyed with HMAC-SHA256; the " + legacy
                            + " rows before keep their SHA-256 hashes and are covered by this one.");
        }
    }
}
