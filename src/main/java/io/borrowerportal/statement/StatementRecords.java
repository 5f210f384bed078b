package io.borrowerportal.statement;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code statements} and {@code statement_runs} tables, in plain SQL: a statement row is inserted once and
 * never changed, and the run over the book asks set questions of it page by page. Timestamps are UTC wall-clock
 * time, as Hibernate stores them elsewhere.
 */
@Repository
class StatementRecords {

    /** A loan's latest statement: its period and the highest ledger id it saw. */
    record Latest(LocalDate periodStart, long lastEntryId) {
    }

    private final JdbcClient jdbc;

    StatementRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Latest> latest(long accountId) {
        return jdbc.sql("""
                        SELECT period_start, last_entry_id FROM statements WHERE account_id = :accountId
                        ORDER BY period_start DESC LIMIT 1""")
                .param("accountId", accountId)
                .query((rs, n) -> new Latest(rs.getObject("period_start", LocalDate.class), rs.getLong("last_entry_id")))
                .optional();
    }

    /** Of these accounts, those with a statement for the period starting {@code periodStart} or a later one. */
    Set<Long> writtenFrom(Collection<Long> accountIds, LocalDate periodStart) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT account_id FROM statements
                        WHERE account_id IN (:ids) AND period_start >= :periodStart""")
                .param("ids", accountIds)
                .param("periodStart", periodStart)
                .query(Long.class)
                .list());
    }

    long insert(long accountId, StatementFigures figures, long documentId, int customersNotified, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO statements (account_id, period_start, period_end, document_id, opening_balance,
                            closing_balance, interest_paid, interest_paid_ytd, amount_due, next_due_date, final_statement,
                            last_entry_id, customers_notified, created_at)
                        VALUES (:accountId, :periodStart, :periodEnd, :documentId, :opening, :closing, :interestPaid,
                            :interestYtd, :amountDue, :nextDueDate, :finalStatement, :lastEntryId, :notified, :now)""")
                .param("accountId", accountId)
                .param("periodStart", figures.periodStart())
                .param("periodEnd", figures.periodEnd())
                .param("documentId", documentId)
                .param("opening", figures.openingBalance())
                .param("closing", figures.closingBalance())
                .param("interestPaid", figures.interestPaid())
                .param("interestYtd", figures.interestPaidYearToDate())
                .param("amountDue", StatementWording.amountDue(figures))
                .param("nextDueDate", figures.finalStatement() ? null : figures.atPeriodEnd().nextDueDate())
                .param("finalStatement", figures.finalStatement())
                .param("lastEntryId", figures.lastEntryId())
                .param("notified", customersNotified)
                .param("now", utc(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The loan's statements, oldest first. */
    List<StatementSummary> of(long accountId) {
        return jdbc.sql("SELECT * FROM statements WHERE account_id = :accountId ORDER BY period_start")
                .param("accountId", accountId)
                .query(StatementRecords::summary)
                .list();
    }

    Optional<YearMonth> lastCompletedRun() {
        return jdbc.sql("SELECT MAX(period_start) FROM statement_runs")
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .optional()
                .map(YearMonth::from);
    }

    /** Records that every loan was looked at for the period; false when another run recorded it first. */
    boolean completeRun(YearMonth period, int written, int errors, Instant now) {
        try {
            return jdbc.sql("""
                            INSERT INTO statement_runs (period_start, statements_written, errors, completed_at)
                            VALUES (:periodStart, :written, :errors, :now)""")
                    .param("periodStart", period.atDay(1))
                    .param("written", written)
                    .param("errors", errors)
                    .param("now", utc(now))
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static StatementSummary summary(ResultSet rs, int row) throws SQLException {
        return new StatementSummary(rs.getLong("id"), rs.getLong("account_id"),
                YearMonth.from(rs.getObject("period_start", LocalDate.class)), rs.getLong("document_id"),
                rs.getBigDecimal("opening_balance"), rs.getBigDecimal("closing_balance"),
                rs.getBigDecimal("interest_paid"), rs.getBigDecimal("interest_paid_ytd"),
                rs.getBigDecimal("amount_due"), rs.getObject("next_due_date", LocalDate.class),
                rs.getBoolean("final_statement"), rs.getLong("last_entry_id"), rs.getInt("customers_notified"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
