package io.borrowerportal.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database at start-up into Boot's short "APPLICATION FAILED TO START" report. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start the database, or point the portal at a reachable one: with the 'mariadb' profile set "
                        + "PORTAL_DB_URL, PORTAL_DB_USER and PORTAL_DB_PASSWORD (see README, Configuration).",
                cause);
    }
}
