package io.borrowerportal.audit;

import org.springframework.context.ApplicationContext;

import java.time.Instant;

/**
 * Chains rows that a benchmark writes in bulk, with the context's own key, as {@link AuditService} would: the
 * audit benchmark fills a million rows with one multi-row INSERT per thousand and still leaves a chain that verifies.
 */
public final class BenchmarkAuditChain {

    private final AuditChain chain;
    private String previous = AuditChain.GENESIS;

    public BenchmarkAuditChain(ApplicationContext context) {
        this.chain = context.getBean(AuditChain.class);
    }

    /** {@code {prev_hash, hash, hash_scheme}} of the next row; {@code at} in whole milliseconds, as stored. */
    public Object[] next(Instant at, String actor, String actorRole, Long customerId, String customer, String loanNumber,
                         AuditAction action, String detail) {
        AuditEvent event = new AuditEvent(at, actor, actorRole, customerId, customer, loanNumber, action, detail);
        String hash = chain.hash(previous, event);
        Object[] link = {previous, hash, AuditChain.HMAC_SHA256};
        previous = hash;
        return link;
    }

    /** The last row's hash: what audit_chain_head must hold for the chain to verify. */
    public String head() {
        return previous;
    }
}
