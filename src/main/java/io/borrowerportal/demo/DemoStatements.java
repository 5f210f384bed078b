package io.borrowerportal.demo;

import io.borrowerportal.security.SystemTask;
import io.borrowerportal.statement.StatementRunReport;
import io.borrowerportal.statement.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The demo loans' statements of the past year, written by the statement writer itself month by month as the
 * job would have written them, without the emails (a year of "your statement is ready" at once is noise).
 */
@Component
class DemoStatements {

    static final int MONTHS = 12;
    private static final Logger log = LoggerFactory.getLogger(DemoStatements.class);

    private final Statements statements;

    DemoStatements(Statements statements) {
        this.statements = statements;
    }

    void backfill(LocalDate today) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        List<StatementRunReport> reports = SystemTask.call(() -> statements.backfill(last.minusMonths(MONTHS - 1), last));
        log.info("Wrote {} demo statements, {} to {}, in {} ms", reports.stream().mapToInt(StatementRunReport::written).sum(),
                last.minusMonths(MONTHS - 1), last, reports.stream().mapToLong(StatementRunReport::millis).sum());
    }
}
