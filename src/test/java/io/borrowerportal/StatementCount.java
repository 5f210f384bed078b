package io.borrowerportal;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The SQL statements Hibernate prepares for one piece of work. Hibernate's statistics count every thread's statements,
 * and the shared test application has threads of its own (the settings refresh reloads the settings within two
 * seconds of another test saving them): those can only add to a count, never take from it. So the work runs three
 * times and the fewest is its own.
 */
public final class StatementCount {

    private StatementCount() {
    }

    public static long fewestOfThree(EntityManagerFactory entityManagerFactory, Runnable work) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            statistics.clear();
            work.run();
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }
}
