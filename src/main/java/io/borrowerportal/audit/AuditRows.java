package io.borrowerportal.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log's reads, in SQL written for the indexes (decision 026): only the filters given become conditions,
 * so each query can use the one index that fits, and rows come newest first by {@code occurred_at, id}, which every
 * audit index ends with (InnoDB appends the primary key). Rows are read with JDBC, outside the persistence context,
 * so a page of any size leaves nothing behind in memory.
 */
@Component
class AuditRows {

    private static final String COLUMNS = "id, occurred_at, actor, actor_role, customer_id, customer, loan_number, "
            + "action, detail, prev_hash, hash, hash_scheme";
    private static final String NEWEST_FIRST = " order by occurred_at desc, id desc";

    /**
     * What to read. Times are instants (from inclusive, to exclusive); {@code customersOnly} keeps to entries about a
     * customer or a loan, what a staff member who is not an admin may see.
     */
    record Criteria(Long customerId, String loanNumber, String actor, AuditAction action, Instant from, Instant to,
                    boolean customersOnly) {
    }

    private static final RowMapper<AuditEvent> ROW = (rs, n) -> AuditEvent.stored(rs.getLong("id"),
            rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("actor"),
            rs.getString("actor_role"), rs.getObject("customer_id", Long.class), rs.getString("customer"),
            rs.getString("loan_number"), AuditAction.valueOf(rs.getString("action")), rs.getString("detail"),
            rs.getString("prev_hash"), rs.getString("hash"), rs.getInt("hash_scheme"));

    private final JdbcTemplate jdbc;

    AuditRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A page, newest first, {@code offset} rows in. */
    List<AuditEvent> page(Criteria criteria, int offset, int limit) {
        Where where = where(criteria);
        where.args.add(limit);
        where.args.add(offset);
        return jdbc.query("select " + COLUMNS + " from audit_events" + where.sql + NEWEST_FIRST + " limit ? offset ?",
                ROW, where.args.toArray());
    }

    /** The rows after {@code last} in the newest-first order (keyset paging: as fast a thousand pages in). */
    List<AuditEvent> pageAfter(Criteria criteria, AuditEvent last, int limit) {
        Where where = where(criteria);
        if (last != null) {
            LocalDateTime at = utc(last.occurredAt());
            where.sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            where.args.add(at);
            where.args.add(at);
            where.args.add(last.id());
        }
        where.args.add(limit);
        return jdbc.query("select " + COLUMNS + " from audit_events" + where.sql + NEWEST_FIRST + " limit ?",
                ROW, where.args.toArray());
    }

    /** How many rows match, counting no further than {@code cap}: the count costs no more than reading that many. */
    long count(Criteria criteria, long cap) {
        Where where = where(criteria);
        where.args.add(cap);
        Long count = jdbc.queryForObject("select count(*) from (select 1 from audit_events" + where.sql + " limit ?) capped",
                Long.class, where.args.toArray());
        return count == null ? 0 : count;
    }

    Optional<AuditEvent> byId(long id, boolean customersOnly) {
        return jdbc.query("select " + COLUMNS + " from audit_events where id = ?"
                + (customersOnly ? " and " + CUSTOMERS_ONLY : ""), ROW, id).stream().findFirst();
    }

    /** The chain's rows after {@code afterId}, oldest first: the primary key's order, read a page at a time. */
    List<AuditEvent> chainPageAfter(long afterId, int limit) {
        return jdbc.query("select " + COLUMNS + " from audit_events where id > ? order by id limit ?", ROW, afterId, limit);
    }

    String headHash() {
        return jdbc.queryForObject("select last_hash from audit_chain_head where id = ?", String.class, AuditChainHead.ID);
    }

    /** The role rule of decision 026: an entry about a customer or one of their loans. */
    private static final String CUSTOMERS_ONLY = "(customer_id is not null or loan_number is not null)";

    private static Where where(Criteria criteria) {
        Where where = new Where(new StringBuilder(" where 1 = 1"), new ArrayList<>());
        if (criteria.customersOnly()) {
            where.sql.append(" and ").append(CUSTOMERS_ONLY);
        }
        where.add("customer_id = ?", criteria.customerId());
        where.add("loan_number = ?", criteria.loanNumber());
        where.add("actor = ?", criteria.actor());
        where.add("action = ?", criteria.action() == null ? null : criteria.action().name());
        where.add("occurred_at >= ?", criteria.from() == null ? null : utc(criteria.from()));
        where.add("occurred_at < ?", criteria.to() == null ? null : utc(criteria.to()));
        return where;
    }

    /** As the rows are written ({@link AuditEvent#row()}): UTC wall time in a TIMESTAMP column. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Where(StringBuilder sql, List<Object> args) {
        void add(String condition, Object value) {
            if (value != null) {
                sql.append(" and ").append(condition);
                args.add(value);
            }
        }
    }
}
