package io.borrowerportal.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final long ID = 1L;

    @Id
    private Long id;
    private String lastHash;

    protected AuditChainHead() {
    }

    String lastHash() {
        return lastHash;
    }

    void advance(String hash) {
        lastHash = hash;
    }
}
